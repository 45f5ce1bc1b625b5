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
#              APP=target/quarkus-app  the packaged application to run (bench/lib.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

COMMENTS=${COMMENTS:-200000}
POSTS=${POSTS:-2000}
HEAP=${HEAP:-128m}
PORT=${PORT:-8092}
DB=${BENCH_DB:-comments_import_bench}
JAVA_OPTS=${JAVA_OPTS--Xms$HEAP -Xmx$HEAP -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000}
source bench/lib.sh   # the production package, health on the management port
OUT=target/bench-import
FILE=$OUT/wordpress-$COMMENTS.xml
mkdir -p "$OUT"

bench_guard_db "$DB"
bench_tools psql curl python3 "$JAVA"
bench_build

if [ ! -f "$FILE" ]; then
  say "generating $FILE ($COMMENTS comments on $POSTS posts)"
  python3 bench/wxr-generate.py "$FILE.part" "$COMMENTS" "$POSTS"
  mv "$FILE.part" "$FILE"
fi
SIZE=$(stat -c %s "$FILE")

bench_fresh_db "$DB"
trap bench_stop_app EXIT
trap 'exit 130' INT TERM
bench_start_app "$DB" "$OUT/app.log"
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
echo "load average before the imports: $LOAD_BEFORE"
bench_machine
