# Shared by the bench/ scripts (sourced from the repository root, after the script set its defaults):
# messages, the tools check, the build, a fresh database, and the packaged app's start, readiness and stop.
#
# Two builds of the same sources:
#   target/quarkus-app  the production package: health and metrics on the management interface only
#                       (PORT + 1000, its own HTTP server without the API port's security, CORS and REST routing)
#   target/bench-app    the same package built with -Dquarkus.management.enabled=false: health (and
#                       metrics) also on the API port, so that a benchmark's trivial ceiling, GET
#                       /q/health/live, crosses the same HTTP server, router, CORS and security handlers as
#                       the API requests it is compared with. The flag is fixed at build time (a runtime
#                       -D only logs a warning), hence a second package; nothing else differs.
# A script sets API_HEALTH=1 before sourcing to run target/bench-app and take health from the API port
# (bench/load.sh, bench/signin.sh); the others run the production package as deployed.
#
# Reads: PORT, MGMT_PORT (default PORT + 1000), API_HEALTH (0), APP (the package directory to run),
#        SKIP_BUILD (1: do not run Maven), JAVA and JAVA_OPTS (bench/jvm-options.sh unless the script set them).
# Sets:  BASE (API port URL), MGMT (management port URL), HEALTH (where /q/health answers), APP_PID, READY_MS.

say() { printf '\n=== %s\n' "$*"; }
die() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }

MGMT_PORT=${MGMT_PORT:-$((PORT + 1000))}
API_HEALTH=${API_HEALTH:-0}
if [ "$API_HEALTH" = 1 ]; then APP=${APP:-target/bench-app}; else APP=${APP:-target/quarkus-app}; fi
source bench/jvm-options.sh   # JAVA, and JAVA_OPTS unless the script set it; MALLOC_ARENA_MAX
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
ADMIN_USER=${ADMIN_USER:-admin}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-bench-admin-password}
BASE=http://127.0.0.1:$PORT
MGMT=http://127.0.0.1:$MGMT_PORT
if [ "$API_HEALTH" = 1 ]; then HEALTH=$BASE; else HEALTH=$MGMT; fi

# bench_guard_db DB: never drop a database that tests, the service or PostgreSQL itself use.
bench_guard_db() {
  case "$1" in
    test|test_*|comments|postgres|template0|template1) die "refusing to drop database '$1'" ;;
  esac
}

# bench_tools TOOL...: wrk is installed when missing (Debian package), the others must be there;
# PostgreSQL must answer.
bench_tools() {
  local t
  for t in "$@"; do
    if [ "$t" = wrk ] && ! command -v wrk >/dev/null; then
      say "installing wrk"
      if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
      else sudo apt-get install -y wrk >/dev/null; fi
    fi
    command -v "$t" >/dev/null || die "$t not found"
  done
  pg_isready -q -h "$PGHOST" -p "$PGPORT" || die "PostgreSQL is not answering on $PGHOST:$PGPORT"
}

# bench_build_all: both packages (also bench/build.sh), target/bench-app last; then
# target/quarkus-artifact.properties, which @QuarkusIntegrationTest reads, names the production one again.
bench_build_all() {
  say "building target/quarkus-app, then target/bench-app (-Dquarkus.management.enabled=false)"
  ./mvnw -B -q package -DskipTests
  cp target/quarkus-artifact.properties target/quarkus-artifact.properties.production
  ./mvnw -B -q package -DskipTests -Dquarkus.management.enabled=false -Dquarkus.package.output-directory=bench-app
  mv target/quarkus-artifact.properties.production target/quarkus-artifact.properties
}

# bench_build: builds unless SKIP_BUILD=1, then checks that $APP exists and, for target/bench-app, that
# it is not older than the production package (a rebuild of target/quarkus-app alone leaves it stale).
bench_build() {
  if [ "${SKIP_BUILD:-0}" != 1 ]; then bench_build_all; fi
  [ -f "$APP/quarkus-run.jar" ] || die "$APP/quarkus-run.jar missing: build first (bench/build.sh)"
  if [ "$APP" = target/bench-app ] && [ -f target/quarkus-app/quarkus-run.jar ]; then
    local ours theirs
    ours=$(stat -c %Y target/bench-app/app/*.jar | sort -n | tail -1)
    theirs=$(stat -c %Y target/quarkus-app/app/*.jar | sort -n | tail -1)
    [ "$ours" -ge "$theirs" ] \
      || die "target/bench-app is older than target/quarkus-app: rebuild both with bench/build.sh (or run without SKIP_BUILD)"
  fi
}

# bench_fresh_db DB: drops and creates it (Flyway migrates it when the app starts).
bench_fresh_db() {
  bench_guard_db "$1"
  say "fresh database $1"
  psql -q -d postgres -v ON_ERROR_STOP=1 -c "drop database if exists $1 with (force)" -c "create database $1"
}

APP_PID=""
# bench_start_app DB LOG [NAME=VALUE...]: starts $APP on PORT/MGMT_PORT against DB with the first admin,
# a bench-only bots key and X-Forwarded-For trusted (the scripts play many client addresses from one
# machine), plus the given settings (e.g. QUARKUS_DATASOURCE_JDBC_URL=... to go through a proxy); waits
# up to 60 s for /q/health/ready. Sets APP_PID and READY_MS (launch to the first 200).
bench_start_app() {
  local db=$1 log=$2 t0 code
  shift 2
  say "starting $APP (port $PORT, management $MGMT_PORT, JAVA_OPTS='$JAVA_OPTS')"
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
    QUARKUS_HTTP_PORT="$PORT" QUARKUS_MANAGEMENT_PORT="$MGMT_PORT" \
    COMMENTS_ADMIN_USERNAME="$ADMIN_USER" COMMENTS_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    COMMENTS_BOTS_HMAC_KEY="${COMMENTS_BOTS_HMAC_KEY:-bench-only-bots-hmac-key}" \
    QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true \
    "$@" "$JAVA" $JAVA_OPTS -jar "$APP/quarkus-run.jar" >"$log" 2>&1 &
  APP_PID=$!
  READY_MS=""
  for _ in $(seq 1 3000); do
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$log" >&2; die "the app exited during start-up (see $log)"; }
    code=$(curl -s -o /dev/null -w '%{http_code}' "$HEALTH/q/health/ready" || true)
    if [ "$code" = 200 ]; then READY_MS=$(( ($(date +%s%N) - t0) / 1000000 )); break; fi
    sleep 0.02
  done
  [ -n "$READY_MS" ] || die "the app was not ready within 60 s (see $log)"
  echo "launch -> first 200 from $HEALTH/q/health/ready: ${READY_MS} ms"
}

# bench_stop_app: SIGTERM, up to 20 s for a graceful stop, then SIGKILL.
bench_stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

# bench_machine: one line for the report (cores, CPU model, load average now).
bench_machine() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
