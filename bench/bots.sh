#!/usr/bin/env bash
# POST throughput with the proof of work required against off, in one run: the packaged service on a
# fresh database of its own, restarted for each mode, the modes alternating (off, required, off,
# required...) so that the machine's drift falls on both. With proof of work required every POST
# carries a solved ALTCHA challenge, signed with the service's key and made beforehand
# (bench/bots/Solutions.java), so the run measures what the service does with it: verify it and spend
# it in PostgreSQL (one INSERT before the write batch). The comments are bench/post.lua's.
#
# Run from the repository root, after ./mvnw package -DskipTests:   bench/bots.sh
# Environment: DURATION=20 WARMUP=10 ROUNDS=2 CONNECTIONS=32 THREADS=2 PORT=8091 BENCH_DB=bots_bench
#              (dropped and recreated), JAVA / JAVA_OPTS as bench/load.sh (bench/jvm-options.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-8091}
DB=${BENCH_DB:-bots_bench}
source bench/lib.sh   # the production package, health on the management port
KEY=bench-only-bots-hmac-key
OUT=target/bench
SOLUTIONS=$OUT/altcha-solutions.txt
PER_THREAD=${PER_THREAD:-40000}   # solutions per thread and wrk run: more than one thread posts in DURATION
mkdir -p "$OUT"
bench_guard_db "$DB"
bench_tools wrk psql curl "$JAVA"
SKIP_BUILD=1 bench_build

bench_fresh_db "$DB"
SLICES=$((ROUNDS * 2 * THREADS))   # warm-up and measured run of each round with proof of work
"$JAVA" bench/bots/Solutions.java "$KEY" $((SLICES * PER_THREAD)) 100000 7200 "$SOLUTIONS"

trap bench_stop_app EXIT
start_app() { # proof-of-work mode
  COMMENTS_BOTS_HMAC_KEY=$KEY bench_start_app "$DB" "$OUT/bots-app-$1.log" COMMENTS_BOTS_PROOF_OF_WORK="$1"
}

RUN=0
SLOT=0
run_wrk() { # mode seconds -> BENCH_RESULT line
  RUN=$((RUN + 1))
  local altcha="" slot=0
  if [ "$1" = required ]; then altcha=$SOLUTIONS; slot=$SLOT; SLOT=$((SLOT + THREADS)); fi
  BENCH_NAME=post-pow-$1 BENCH_RUN=$RUN BENCH_ALTCHA=$altcha BENCH_ALTCHA_SLICES=$SLICES BENCH_ALTCHA_SLOT=$slot \
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "${2}s" --latency -s bench/post.lua "http://127.0.0.1:$PORT/" \
    >"$OUT/bots-wrk-$RUN.txt" 2>&1 || true
  grep '^BENCH_RESULT' "$OUT/bots-wrk-$RUN.txt" || { cat "$OUT/bots-wrk-$RUN.txt" >&2; exit 1; }
}

declare -A total
for round in $(seq 1 "$ROUNDS"); do
  for mode in off required; do
    start_app "$mode" >/dev/null
    run_wrk "$mode" "$WARMUP" >/dev/null
    line=$(run_wrk "$mode" "$DURATION")
    echo "round $round: $line"
    rps=$(sed -E 's/.* rps=([0-9.]+).*/\1/' <<<"$line")
    total[$mode]=$(awk -v a="${total[$mode]:-0}" -v b="$rps" 'BEGIN {print a + b}')
    bench_stop_app
  done
done
off=$(awk -v t="${total[off]}" -v n="$ROUNDS" 'BEGIN {printf "%.0f", t / n}')
req=$(awk -v t="${total[required]}" -v n="$ROUNDS" 'BEGIN {printf "%.0f", t / n}')
echo "POST req/s, mean of $ROUNDS runs each: proof of work off $off, required $req ($(awk -v a="$req" -v b="$off" 'BEGIN {printf "%.1f", 100 * a / b}') %)"
