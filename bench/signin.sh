#!/usr/bin/env bash
# Moderator sign-in cost on the packaged service (BENCHMARKS.md, "Moderator sign-in"):
#   1. wrk, in one run and alternating: GET /q/health/live (the trivial ceiling), GET /api/moderation/session
#      with the session cookie, the same with a repeated HTTP Basic credential, then the ceiling again;
#      each authenticated rate as a ratio of the mean ceiling.
#   2. The service's CPU time (utime+stime from /proc) for 1,000 sign-ins from an address already
#      throttled (429), against 20 sign-ins for unknown users that are checked (one bcrypt each).
#
# Run from the repository root:   bench/signin.sh
# Environment: DURATION=20 (s per wrk run)  CONNECTIONS=32  THREADS=2  WARMUP=10  SKIP_BUILD=1
#              PORT=8091  BENCH_DB=comments_signin_bench (dropped and recreated!)  JAVA / JAVA_OPTS (bench/jvm-options.sh)
#              APP=target/quarkus-app  the packaged application to run (a copy, to measure while target/ is rebuilt)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-10}
PORT=${PORT:-8091}
# Health and metrics: the packaged app serves them on its management interface only (README, Operations).
MGMT_PORT=${MGMT_PORT:-$((PORT + 1000))}
DB=${BENCH_DB:-comments_signin_bench}
APP=${APP:-target/quarkus-app}
source bench/jvm-options.sh
ADMIN_USER=admin
ADMIN_PASSWORD=bench-admin-password
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
BASE=http://127.0.0.1:$PORT
MGMT=http://127.0.0.1:$MGMT_PORT
OUT=target/bench-signin
mkdir -p "$OUT"

say() { printf '\n=== %s\n' "$*"; }
die() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
case "$DB" in test*|postgres|template0|template1|comments) die "refusing to drop database '$DB'" ;; esac

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  else sudo apt-get install -y wrk >/dev/null; fi
fi
for t in psql curl python3 "$JAVA"; do command -v "$t" >/dev/null || die "$t not found"; done
pg_isready -q -h $PGHOST -p $PGPORT || die "PostgreSQL is not answering on $PGHOST:$PGPORT"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "building (./mvnw -B -q package -DskipTests)"
  ./mvnw -B -q package -DskipTests
fi
[ -f "$APP/quarkus-run.jar" ] || die "$APP/quarkus-run.jar missing: build first"

say "fresh database $DB"
psql -q -d postgres -v ON_ERROR_STOP=1 -c "drop database if exists $DB with (force)" -c "create database $DB"

APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "starting the app (port $PORT)"
# X-Forwarded-For trusted, so that the CPU measurement can play many client addresses from this machine.
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres \
QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MGMT_PORT COMMENTS_ADMIN_USERNAME=$ADMIN_USER COMMENTS_ADMIN_PASSWORD=$ADMIN_PASSWORD \
QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true \
COMMENTS_BOTS_HMAC_KEY=${COMMENTS_BOTS_HMAC_KEY:-bench-only-bots-hmac-key} \
  "$JAVA" $JAVA_OPTS -jar "$APP/quarkus-run.jar" >"$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 3000); do
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$OUT/app.log"; die "the app exited during start-up"; }
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$MGMT/q/health/ready" || true)" = 200 ] && break
  sleep 0.02
done

COOKIE=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"username\": \"$ADMIN_USER\", \"password\": \"$ADMIN_PASSWORD\"}" "$BASE/api/moderation/session" \
  | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(moderator_session=[^;]*\).*/\1/p')
[ -n "$COOKIE" ] || die "sign-in failed"
BASIC="Basic $(printf '%s:%s' "$ADMIN_USER" "$ADMIN_PASSWORD" | base64 -w0)"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE/api/moderation/session")" = 200 ] || die "cookie refused"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: $BASIC" "$BASE/api/moderation/session")" = 200 ] || die "Basic refused"

rate() { # name, wrk args...: prints requests/s, checks that nothing but 2xx came back
  local name=$1; shift
  local out="$OUT/wrk-$name.txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" >"$out"
  if grep -q 'Non-2xx' "$out"; then cat "$out" >&2; die "$name: non-2xx answers"; fi
  awk '/^Requests\/sec/ {print $2}' "$out"
}

say "warming up (${WARMUP}s each)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$MGMT/q/health/live" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Cookie: $COOKIE" "$BASE/api/moderation/session" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Authorization: $BASIC" "$BASE/api/moderation/session" >/dev/null

say "measuring (${DURATION}s each, $CONNECTIONS connections)"
LIVE1=$(rate live1 "$MGMT/q/health/live")
SESSION=$(rate session -H "Cookie: $COOKIE" "$BASE/api/moderation/session")
BASICR=$(rate basic -H "Authorization: $BASIC" "$BASE/api/moderation/session")
LIVE2=$(rate live2 "$MGMT/q/health/live")

say "CPU of sign-ins"
CPU_REPORT=$(python3 - "$PORT" "$APP_PID" <<'PY'
import http.client, json, os, sys, time
port, pid = int(sys.argv[1]), sys.argv[2]
tick = os.sysconf('SC_CLK_TCK')
def cpu():
    fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / tick  # utime + stime, seconds
conn = http.client.HTTPConnection('127.0.0.1', port)
def sign_in(ip, user):
    body = json.dumps({'username': user, 'password': 'not-the-password-at-all'})
    conn.request('POST', '/api/moderation/session', body, {'Content-Type': 'application/json', 'X-Forwarded-For': ip})
    r = conn.getresponse(); r.read(); return r.status
# 20 checked sign-ins (unknown users, one address each): one bcrypt each.
statuses = []
before = cpu(); t0 = time.time()
for i in range(20):
    statuses.append(sign_in(f'192.0.2.{i + 1}', f'nobody{i}'))
checked_cpu, checked_wall = cpu() - before, time.time() - t0
assert set(statuses) == {401}, statuses
# One address uses up its 10 attempts, then 1,000 more are throttled before any bcrypt.
for i in range(10):
    assert sign_in('198.51.100.1', f'bogus{i}') == 401
before = cpu(); t0 = time.time()
throttled = [sign_in('198.51.100.1', f'bogus{i}') for i in range(1000)]
throttled_cpu, throttled_wall = cpu() - before, time.time() - t0
assert set(throttled) == {429}, set(throttled)
print(f'checked: 20 sign-ins {checked_cpu * 1000:.0f} ms CPU ({checked_cpu / 20 * 1000:.1f} ms each, wall {checked_wall:.2f} s)')
print(f'throttled: 1000 sign-ins {throttled_cpu * 1000:.0f} ms CPU ({throttled_cpu * 1000:.0f} us each, wall {throttled_wall:.2f} s)')
print(f'ratio: one checked sign-in costs as much CPU as {checked_cpu / 20 / max(throttled_cpu / 1000, 1e-9):.0f} throttled ones')
PY
)

say "results"
awk -v l1="$LIVE1" -v l2="$LIVE2" -v s="$SESSION" -v b="$BASICR" -v c="$CONNECTIONS" 'BEGIN {
  live = (l1 + l2) / 2
  printf "| Workload (wrk, %d connections) | req/s | of /q/health/live |\n|---|---|---|\n", c
  printf "| GET /q/health/live (before, after) | %.0f, %.0f | |\n", l1, l2
  printf "| GET /api/moderation/session, session cookie | %.0f | %.1f %% |\n", s, 100 * s / live
  printf "| GET /api/moderation/session, repeated HTTP Basic | %.0f | %.1f %% |\n", b, 100 * b / live
}'
echo
echo "$CPU_REPORT"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
