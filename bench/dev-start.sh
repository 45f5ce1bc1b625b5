#!/usr/bin/env bash
# Dev-mode start time: `./mvnw quarkus:dev` -> first 200 from /q/health/ready, as a developer waits for
# it (Maven, the dev-mode build and the database included), repeated RUNS times on an existing dev
# database and RUNS times on a fresh one (target/devdb removed first). Prints each run, Quarkus's own
# "started in" figure, and the medians. The sources are compiled by one unmeasured launch first.
#
# Run from the repository root:   bench/dev-start.sh
# Environment:
#   RUNS=3             launches per case                 PORT=8096        HTTP port of dev mode
#   CASES="existing fresh"   which cases, in this order
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
PORT=${PORT:-8096}
CASES=${CASES:-existing fresh}
OUT=target/dev-start
mkdir -p "$OUT"

DEV_PID=""
stop_dev() {
  if [ -n "$DEV_PID" ] && kill -0 "$DEV_PID" 2>/dev/null; then
    kill -- -"$DEV_PID" 2>/dev/null || true   # Maven and the dev-mode JVM: one process group
    for _ in $(seq 1 150); do kill -0 "$DEV_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 -- -"$DEV_PID" 2>/dev/null || true
  fi
  DEV_PID=""
}
trap stop_dev EXIT

# One launch; prints "<seconds to ready> <Quarkus's started-in seconds>".
launch() {
  local log=$1 start end
  start=$(date +%s.%N)
  setsid ./mvnw -B -q quarkus:dev -Ddebug=false -Dquarkus.console.enabled=false \
    -Dquarkus.http.port="$PORT" -Dquarkus.analytics.disabled=true >"$log" 2>&1 &
  DEV_PID=$!
  for _ in $(seq 1 1200); do
    if curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; then break; fi
    kill -0 "$DEV_PID" 2>/dev/null || { echo "dev mode stopped; see $log" >&2; exit 1; }
    sleep 0.1
  done
  end=$(date +%s.%N)
  stop_dev
  local quarkus
  quarkus=$(grep -o 'started in [0-9.]*s' "$log" | head -1 | grep -o '[0-9.]*' || echo "?")
  awk -v s="$start" -v e="$end" -v q="$quarkus" 'BEGIN { printf "%.2f %s\n", e - s, q }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "compiling (one unmeasured launch)"
launch "$OUT/warm-up.log" >/dev/null
for c in $CASES; do
  : >"$OUT/$c.txt"
  for i in $(seq 1 "$RUNS"); do
    [ "$c" = fresh ] && rm -rf target/devdb
    r=$(launch "$OUT/$c-$i.log")
    echo "$c run $i: ready after ${r% *} s (Quarkus: started in ${r#* } s)"
    echo "$r" >>"$OUT/$c.txt"
  done
  echo "$c: median $(cut -d' ' -f1 "$OUT/$c.txt" | median) s to ready, Quarkus's median $(cut -d' ' -f2 "$OUT/$c.txt" | median) s"
done
