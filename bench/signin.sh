#!/usr/bin/env bash
# Moderator sign-in cost on the packaged service (BENCHMARKS.md, "Moderator sign-in"):
#   1. wrk, in one run and alternating: GET /q/health/live (the trivial ceiling, on the API port: bench/lib.sh), GET /api/moderation/session
#      with the session cookie, the same with a repeated HTTP Basic credential, then the ceiling again;
#      each authenticated rate as a ratio of the mean ceiling.
#   2. The service's CPU time (utime+stime from /proc) for 1,000 sign-ins from an address already
#      throttled (429), against 20 sign-ins for unknown users that are checked (one bcrypt each).
#
# Run from the repository root:   bench/signin.sh
# Environment: DURATION=20 (s per wrk run)  CONNECTIONS=32  THREADS=2  WARMUP=10  SKIP_BUILD=1 (bench/build.sh)
#              PORT=8091  BENCH_DB=comments_signin_bench (dropped and recreated!)  JAVA / JAVA_OPTS (bench/jvm-options.sh)
#              API_HEALTH=1  the ceiling on the API port, target/bench-app (bench/lib.sh); 0: the management port's
#              APP=target/bench-app  the packaged application to run (a copy, to measure while target/ is rebuilt)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-10}
PORT=${PORT:-8091}
DB=${BENCH_DB:-comments_signin_bench}
# The ceiling /q/health/live on the API port (target/bench-app): bench/lib.sh.
API_HEALTH=${API_HEALTH:-1}
source bench/lib.sh
OUT=target/bench-signin
mkdir -p "$OUT"

bench_guard_db "$DB"
bench_tools wrk psql curl python3 "$JAVA"
bench_build
bench_fresh_db "$DB"
trap bench_stop_app EXIT
trap 'exit 130' INT TERM
# X-Forwarded-For trusted (bench/lib.sh), so that the CPU measurement can play many client addresses.
bench_start_app "$DB" "$OUT/app.log"

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
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$HEALTH/q/health/live" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Cookie: $COOKIE" "$BASE/api/moderation/session" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Authorization: $BASIC" "$BASE/api/moderation/session" >/dev/null

say "measuring (${DURATION}s each, $CONNECTIONS connections)"
LIVE1=$(rate live1 "$HEALTH/q/health/live")
SESSION=$(rate session -H "Cookie: $COOKIE" "$BASE/api/moderation/session")
BASICR=$(rate basic -H "Authorization: $BASIC" "$BASE/api/moderation/session")
LIVE2=$(rate live2 "$HEALTH/q/health/live")

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
WHERE=$([ "$API_HEALTH" = 1 ] && echo "API port" || echo "management port")
awk -v where="$WHERE" -v l1="$LIVE1" -v l2="$LIVE2" -v s="$SESSION" -v b="$BASICR" -v c="$CONNECTIONS" 'BEGIN {
  live = (l1 + l2) / 2
  printf "| Workload (wrk, %d connections) | req/s | of /q/health/live |\n|---|---|---|\n", c
  printf "| GET /q/health/live on the %s (before, after) | %.0f, %.0f | |\n", where, l1, l2
  printf "| GET /api/moderation/session, session cookie | %.0f | %.1f %% |\n", s, 100 * s / live
  printf "| GET /api/moderation/session, repeated HTTP Basic | %.0f | %.1f %% |\n", b, 100 * b / live
}'
echo
echo "$CPU_REPORT"
bench_machine
