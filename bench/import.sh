#!/usr/bin/env bash
# A WordPress import of COMMENTS comments on the packaged service in a bounded heap (BENCHMARKS.md,
# "Importing 200,000 comments"): generates the WXR (bench/wxr-generate.py), starts the app with HEAP,
# posts the file as the body and follows the job to its end; then the same file again (idempotent: every
# comment found, none added). Reports the upload's and the import's time, comments/s, the job's counts,
# and the service's peak RSS (VmHWM) before and after the imports.
#
# Run from the repository root:   bench/import.sh
# Environment: COMMENTS=200000  POSTS=2000  HEAP=128m  SKIP_BUILD=1  PORT=8092  MGMT_PORT (PORT + 1000: health)
#              BENCH_DB=comments_import_bench (dropped and recreated!)  JAVA (java)
#              JAVA_OPTS (default: -Xms$HEAP -Xmx$HEAP -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000)
#              APP=target/quarkus-app  the packaged application to run
set -euo pipefail
cd "$(dirname "$0")/.."

COMMENTS=${COMMENTS:-200000}
POSTS=${POSTS:-2000}
HEAP=${HEAP:-128m}
PORT=${PORT:-8092}
MGMT_PORT=${MGMT_PORT:-$((PORT + 1000))}
DB=${BENCH_DB:-comments_import_bench}
APP=${APP:-target/quarkus-app}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS--Xms$HEAP -Xmx$HEAP -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
ADMIN_USER=admin
ADMIN_PASSWORD=bench-admin-password
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
BASE=http://127.0.0.1:$PORT
MGMT=http://127.0.0.1:$MGMT_PORT
OUT=target/bench-import
FILE=$OUT/wordpress-$COMMENTS.xml
mkdir -p "$OUT"

say() { printf '\n=== %s\n' "$*"; }
die() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }
case "$DB" in test*|postgres|template0|template1|comments) die "refusing to drop database '$DB'" ;; esac
for t in psql curl python3 "$JAVA"; do command -v "$t" >/dev/null || die "$t not found"; done
pg_isready -q -h $PGHOST -p $PGPORT || die "PostgreSQL is not answering on $PGHOST:$PGPORT"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "building (./mvnw -B -q package -DskipTests)"
  ./mvnw -B -q package -DskipTests
fi
[ -f "$APP/quarkus-run.jar" ] || die "$APP/quarkus-run.jar missing: build first"

if [ ! -f "$FILE" ]; then
  say "generating $FILE ($COMMENTS comments on $POSTS posts)"
  python3 bench/wxr-generate.py "$FILE.part" "$COMMENTS" "$POSTS"
  mv "$FILE.part" "$FILE"
fi
SIZE=$(stat -c %s "$FILE")

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

say "starting the app (port $PORT, $JAVA_OPTS)"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres \
QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MGMT_PORT COMMENTS_ADMIN_USERNAME=$ADMIN_USER COMMENTS_ADMIN_PASSWORD=$ADMIN_PASSWORD \
COMMENTS_BOTS_HMAC_KEY=${COMMENTS_BOTS_HMAC_KEY:-bench-only-bots-hmac-key} \
  "$JAVA" $JAVA_OPTS -jar "$APP/quarkus-run.jar" >"$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 3000); do
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$OUT/app.log"; die "the app exited during start-up"; }
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$MGMT/q/health/ready" || true)" = 200 ] && break
  sleep 0.1
done
hwm() { awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status"; }
rss() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status"; }
# Some traffic first, so that the peak before the import is the service's ordinary one.
for _ in $(seq 1 50); do curl -s -o /dev/null -u "$ADMIN_USER:$ADMIN_PASSWORD" "$BASE/api/moderation/comments"; done
HWM_BEFORE=$(hwm)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

import() { # label: posts the file, follows the job; prints one result line, keeps the job's JSON
  local label=$1 t0 t1 location job state
  t0=$(date +%s.%N)
  location=$(curl -s -D - -o "$OUT/$label-202.json" -u "$ADMIN_USER:$ADMIN_PASSWORD" -H 'Content-Type: application/xml' \
    -H 'Expect:' -X POST -T "$FILE" "$BASE/api/moderation/imports/wordpress" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  t1=$(date +%s.%N)
  [ -n "$location" ] || { cat "$OUT/$label-202.json" >&2; die "$label: no Location"; }
  case "$location" in /*) location=$BASE$location ;; esac
  while :; do
    job=$(curl -s -u "$ADMIN_USER:$ADMIN_PASSWORD" "$location" || true)
    state=$(printf '%s' "$job" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])' 2>/dev/null || echo unknown)
    case "$state" in SUCCEEDED|FAILED) break ;; esac
    kill -0 "$APP_PID" 2>/dev/null || die "the app died during the import (see $OUT/app.log)"
    sleep 0.5
  done
  local t2; t2=$(date +%s.%N)
  printf '%s' "$job" >"$OUT/$label-job.json"
  [ "$state" = SUCCEEDED ] || { printf '%s\n' "$job" >&2; die "$label: $state"; }
  python3 - "$label" "$t0" "$t1" "$t2" "$COMMENTS" "$SIZE" "$OUT/$label-job.json" <<'PY'
import json, sys
label, t0, t1, t2, n, size, path = sys.argv[1], *map(float, sys.argv[2:4]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), sys.argv[7]
job = json.load(open(path))
c = job["counts"]
total = t2 - t0
print(f"{label}: {total:.1f} s in all (upload {t1 - t0:.1f} s, import {t2 - t1:.1f} s), {n / total:,.0f} comments/s,"
      f" {size / total / 1e6:.1f} MB/s; stored {sum(c['comments'].values())} {json.dumps(c['comments'])},"
      f" already imported {c['alreadyImported']}, orphans {c['orphans']}, errors {c['errors']}")
PY
}

say "importing $FILE ($((SIZE / 1000000)) MB, $COMMENTS comments) twice"
FIRST=$(import first)
echo "$FIRST"
HWM_FIRST=$(hwm)
SECOND=$(import again)
echo "$SECOND"
HWM_AFTER=$(hwm)
STORED=$(psql -tA -d "$DB" -c "select count(*) from comment")
[ "$STORED" = "$COMMENTS" ] || die "the database holds $STORED comments, not $COMMENTS"
LINKED=$(psql -tA -d "$DB" -c "select count(*) from comment where parent_id is not null")

say "results"
echo "$FIRST"
echo "$SECOND"
echo "database: $STORED comments, $LINKED replies linked to their parent"
echo "peak RSS (VmHWM): ${HWM_BEFORE} MB before the imports, ${HWM_FIRST} MB after the first, ${HWM_AFTER} MB after the second; RSS now $(rss) MB; heap $HEAP"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load before: $LOAD_BEFORE"
