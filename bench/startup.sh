#!/usr/bin/env bash
# Start-up time of the packaged service: launch of quarkus-run.jar -> first 200 from /q/health/ready,
# repeated RUNS times; prints each run, then min and median. The app is stopped after each run. Each
# run also shows, per thread at readiness, the main thread's CPU and its time waiting for a core, and
# the C2 and C1 compilers' CPU: on a small machine the compilers compete with start-up for the cores.
#
# Run from the repository root:   bench/startup.sh
# Environment:
#   RUNS=5             how many launches                 PORT=8097        HTTP port of the app
#   BENCH_DB=startup_bench   database (created if missing)
#   FRESH=1            drop and recreate the database before every run (Flyway migrates it, the first
#                      admin is created); FRESH=0 keeps it (one unmeasured launch migrates it first)
#   JAVA=java          the java launcher (e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java)
#   JAVA_OPTS=...      JVM options (default: the ones bench/load.sh uses)
#   APP=target/quarkus-app   where quarkus-run.jar is (launched from the repository root, as bench/load.sh does)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

RUNS=${RUNS:-5}
PORT=${PORT:-8097}
DB=${BENCH_DB:-startup_bench}
FRESH=${FRESH:-1}
APP=${APP:-${APP_DIR:-target/quarkus-app}}
source bench/lib.sh   # the production package, health on the management port
OUT=$ROOT/target/startup
mkdir -p "$OUT"
bench_guard_db "$DB"
SKIP_BUILD=1 bench_build

# The settings bench_start_app gives the app; launch() below times its own start.
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB QUARKUS_DATASOURCE_USERNAME=$PGUSER
export QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MGMT_PORT
export COMMENTS_ADMIN_USERNAME=$ADMIN_USER COMMENTS_ADMIN_PASSWORD=$ADMIN_PASSWORD
export COMMENTS_BOTS_HMAC_KEY=${COMMENTS_BOTS_HMAC_KEY:-bench-only-bots-hmac-key}

recreate() { psql -q -d postgres -v ON_ERROR_STOP=1 -c "drop database if exists $DB with (force)" -c "create database $DB"; }
exists() { [ "$(psql -At -d postgres -c "select count(*) from pg_database where datname = '$DB'")" = 1 ]; }

APP_PID=""
stop_app() {
  [ -f "$OUT/app.pid" ] && APP_PID=$(cat "$OUT/app.pid") && rm -f "$OUT/app.pid"
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
trap stop_app EXIT

# Per thread, from /proc/<pid>/task/*/schedstat (ns on a CPU, ns waiting in the run queue): the main
# thread's CPU and its wait for a core, and the C2 and C1 compiler threads' CPU, in ms. On 2 cores the
# main thread's wait is the part of start-up that the JIT compilers cost.
threads() {
  local t
  for t in /proc/"$1"/task/*; do
    printf '%s %s\n' "$({ tr ' ' _ <"$t/comm"; } 2>/dev/null)" "$(cat "$t/schedstat" 2>/dev/null)" # a thread may end meanwhile
  done | awk '$1 == "java" {mr += $2; mw += $3} $1 ~ /^C2_/ {c2 += $2} $1 ~ /^C1_/ {c1 += $2}
    END {printf "%d %d %d %d", mr / 1e6, mw / 1e6, c2 / 1e6, c1 / 1e6}'
}

launch() { # log-file -> prints ms to ready, CPU ms, then main CPU, main wait, C2 CPU and C1 CPU in ms
  local log=$1 t0 code
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS -jar "$APP/quarkus-run.jar" >"$log" 2>&1 &
  local pid=$!
  echo "$pid" >"$OUT/app.pid"
  for _ in $(seq 1 6000); do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$log" >&2; echo "the app exited during start-up" >&2; exit 1; }
    code=$(curl -s -o /dev/null -w '%{http_code}' "$HEALTH/q/health/ready" || true)
    if [ "$code" = 200 ]; then
      # wall ms, and the CPU ms the JVM used until then (user + system; less sensitive to a busy machine)
      echo "$(( ($(date +%s%N) - t0) / 1000000 )) $(awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$pid/stat") $(threads "$pid")"
      return
    fi
    sleep 0.01
  done
  echo "not ready within 60 s (see $log)" >&2; exit 1
}

if [ "$FRESH" != 1 ]; then
  exists || recreate
  launch "$OUT/prepare.log" >/dev/null
  stop_app
fi

TIMES=()
CPUS=()
WAITS=()
for i in $(seq 1 "$RUNS"); do
  [ "$FRESH" = 1 ] && recreate
  read -r ms cpu main wait c2 c1 < <(launch "$OUT/run-$i.log")
  stop_app
  started=$(grep -o 'started in [0-9.]*s' "$OUT/run-$i.log" | head -1 || true)
  echo "run $i: ${ms} ms to ready, ${cpu} ms CPU (Quarkus: ${started:-?}; load average $(cut -d' ' -f1 /proc/loadavg))"
  echo "       main thread ${main} ms on a core + ${wait} ms waiting for one; compilers: C2 ${c2} ms, C1 ${c1} ms"
  WAITS+=("$wait")
  TIMES+=("$ms")
  CPUS+=("$cpu")
done
printf '%s\n' "${TIMES[@]}" | sort -n | awk -v fresh="$FRESH" '{a[NR]=$1} END {
  printf "min %d ms, median %d ms, max %d ms over %d runs (%s database)\n", a[1], a[int((NR+1)/2)], a[NR], NR,
    fresh == 1 ? "fresh" : "existing" }'
printf '%s\n' "${CPUS[@]}" | sort -n | awk '{a[NR]=$1} END { printf "CPU until ready: min %d ms, median %d ms\n", a[1], a[int((NR+1)/2)] }'
printf '%s\n' "${WAITS[@]}" | sort -n | awk '{a[NR]=$1} END { printf "main thread waiting for a core: min %d ms, median %d ms\n", a[1], a[int((NR+1)/2)] }'
