#!/usr/bin/env bash
# Load benchmark of the packaged service against PostgreSQL, with its two ceilings:
#   - wrk on GET /q/health/live of the same app on the API port (what the HTTP stack can do through the
#     same server, router, CORS and security handlers as the API: target/bench-app, bench/lib.sh),
#   - pgbench doing the single-row INSERT a comment does (what the database can do),
# then the public workloads (GET first page, POST comment, 90/10 mix), start-up time, peak RSS and
# the plans of the public first-page and moderation-queue queries. Prints a markdown table (BENCHMARKS.md, docs/benchmark-history.md).
#
# Run from the repository root:   bench/load.sh
# Environment:
#   DURATION=30        seconds per measured run          CONNECTIONS=32   wrk/pgbench connections
#   THREADS=2          wrk threads / pgbench jobs        WARMUP=20        seconds of unmeasured warm-up per workload (the JIT)
#   SKIP_BUILD=1       do not build (bench/build.sh builds both packages)   BENCH_DB=comments_bench  database (dropped and recreated!)
#   PORT=8089          HTTP port of the app (MGMT_PORT: its management port)   JAVA_OPTS=...    JVM options (default: bench/jvm-options.sh)
#   API_HEALTH=0       run the production package and take the ceiling from the management port instead
#                      (the figures before 2026-12-05 evening: a higher ceiling, not like-for-like)
#   JAVA=java          the java launcher (e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java to run the same jar on JDK 25)
#   JFR_WORKLOAD="get post"  record a JFR (jcmd JFR.start, settings=profile) during each named measured run
#                      (live|get|post|mixed) into target/bench-<name>.jfr; bench/jfr-top.sh prints its hot spots
#   WORKLOADS="pgbench live get post mixed live pgbench"   which runs to do, in this order; a workload
#                      named twice is measured twice and reported as the mean of its runs (the ceilings
#                      before and after the workloads, so that the machine's drift during the run, which
#                      on a shared VM is ±30 % over minutes, cancels out of the ratios).
#                      post-webhook: POST as post does, with one webhook subscribed to every event type,
#                      enabled for these runs only, to a local receiver that answers 200 at once
#                      (bench/webhooks/Receiver.java); after each, up to DRAIN seconds (60) waiting for
#                      its deliveries, and how many were delivered. Alternate it with post for the
#                      ratio: WORKLOADS="post post-webhook post post-webhook"
#   RECEIVER_PORT=8090 the webhook receiver's port
#   SCALE=1            seed size: SCALE times 1,000 articles, 200,000 approved comments and 10,000 terms
#                      (SCALE=10: 10,000, 2,000,000 and 100,000); or ARTICLES=, COMMENTS=, TERMS= one by one
#   SEED_CACHE=1       seed once into a template database per size and copy it for each run (minutes saved
#                      at SCALE=10); PREPARE_ONLY=1 makes the template and stops (run it through heavy, then
#                      the measured run through quiet):
#                        /work/bin/heavy env SKIP_BUILD=1 SEED_CACHE=1 PREPARE_ONLY=1 SCALE=10 bench/load.sh
#                        /work/bin/quiet env SKIP_BUILD=1 SEED_CACHE=1 SCALE=10 DURATION=15 WARMUP=5 bench/load.sh
#   GZIP=1             GETs send "Accept-Encoding: gzip" as browsers do; GZIP=0 asks for plain JSON
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-20}
PORT=${PORT:-8089}
DB=${BENCH_DB:-comments_bench}
# SCALE=10: ten times the articles, comments and terms (issue 23: flat in data size).
SCALE=${SCALE:-1}
ARTICLES=${ARTICLES:-$((1000 * SCALE))}
COMMENTS=${COMMENTS:-$((200000 * SCALE))}
TERMS=${TERMS:-$((10000 * SCALE))}
WORKLOADS=${WORKLOADS:-pgbench live get post mixed live pgbench}
RECEIVER_PORT=${RECEIVER_PORT:-8090}
DRAIN=${DRAIN:-60}
JFR_WORKLOAD=${JFR_WORKLOAD:-}
GZIP=${GZIP:-1}   # passed to wrk as BENCH_GZIP (gzip(1) itself reads a GZIP variable)
# The ceiling /q/health/live on the API port (target/bench-app): bench/lib.sh. Also JAVA and JAVA_OPTS
# (bench/jvm-options.sh: heap, GC, the AOT cache when there is one) and MALLOC_ARENA_MAX.
API_HEALTH=${API_HEALTH:-1}
source bench/lib.sh
OUT=target/bench
mkdir -p "$OUT"

bench_guard_db "$DB"
bench_tools wrk psql curl "$JAVA" awk
PGBENCH=""
for p in /usr/lib/postgresql/15/bin/pgbench /usr/bin/pgbench; do
  if [ -x "$p" ]; then PGBENCH=$p; break; fi
done
[ -n "$PGBENCH" ] || die "pgbench not found (apt-get install -y postgresql-contrib-15 or postgresql-client-15)"
bench_build

SAMPLER_PID=""
RECEIVER_PID=""
cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  [ -n "$RECEIVER_PID" ] && kill "$RECEIVER_PID" 2>/dev/null || true
  bench_stop_app
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# The post-webhook runs' receiver listens on http://127.0.0.1 (production allows neither).
APP_SETTINGS=(COMMENTS_WEBHOOKS_REQUIRE_HTTPS=false COMMENTS_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true)

# --- seed ----------------------------------------------------------------------------------------
# The made-up terms (HOLD), the same for every run of one size: post.lua and mixed.lua put some in texts.
TERMS_FILE=$OUT/terms.txt
make_terms() {
  psql -At -d "$1" -v ON_ERROR_STOP=1 -c "
    select w from (select distinct translate(substr(md5('bench-term-' || i), 1, 6 + i % 5), '0123456789', 'ghijklmnop') w
                   from generate_series(1, $TERMS * 2) i) t order by w limit $TERMS" >"$TERMS_FILE"
  [ "$(wc -l <"$TERMS_FILE")" -eq "$TERMS" ] || die "could not make $TERMS distinct terms"
}
# seed DB: the comments by SQL (bench/seed.sql: generate_series, no API), the terms through the API
# (one request), then vacuum and checkpoint. The app must be running on DB.
seed() {
  say "seeding $ARTICLES articles and $COMMENTS approved comments (bench/seed.sql)"
  local t0
  t0=$(date +%s)
  psql -q -d "$1" -v ON_ERROR_STOP=1 -v articles="$ARTICLES" -v comments="$COMMENTS" -f bench/seed.sql
  echo "seeded in $(( $(date +%s) - t0 )) s"
  say "importing $TERMS made-up terms (HOLD) through the API"
  make_terms "$1"
  code=$(curl -s -o "$OUT/import.json" -w '%{http_code}' -u "$ADMIN_USER:$ADMIN_PASSWORD" \
    -H 'Content-Type: text/plain' --data-binary @"$TERMS_FILE" "$BASE/api/moderation/rules/import?action=HOLD")
  [ "$code" = 201 ] || { cat "$OUT/import.json"; die "rule import answered $code"; }
  echo "imported: $(head -c 200 "$OUT/import.json")..."
  # Steady state, not the aftermath of the bulk load: without this the first minutes of the runs pay for
  # setting hint bits on every seeded row, for the autovacuum of the seeded tables and for full-page writes
  # after the checkpoint that the seed's WAL forces. (The statistics that matter most for POST, those of
  # submission_throttle, come from the rows bench/seed.sql writes into it: see docs/benchmark-history.md, run 16.)
  psql -q -d "$1" -c "vacuum (analyze)" -c "checkpoint"
}

# pgbench inserts into pgbench_comment, a copy of comment (its rows, indexes, checks and foreign keys)
# made before the first pgbench run (or with the seed, SEED_CACHE=1): the same insert into a table of the
# same size, while the service's table stays as its own runs left it. Later pgbench runs delete the rows
# the one before inserted (and vacuum) rather than copy again: at SCALE=10 a copy of 2,000,000 comments
# takes minutes.
pgbench_table() { # DB
  psql -q -d "$1" -v ON_ERROR_STOP=1 \
    -c "drop table if exists pgbench_comment" \
    -c "create table pgbench_comment (like comment including all)" \
    -c "insert into pgbench_comment select * from comment" \
    -c "alter table pgbench_comment add foreign key (article_id) references article (id),
          add foreign key (parent_id) references pgbench_comment (id) on delete set null" \
    -c "vacuum (analyze) pgbench_comment" -c "checkpoint"
}

# SEED_CACHE=1: seed once into a template database per size, and copy it for each run (CREATE DATABASE
# ... TEMPLATE: a file copy, seconds where seeding 2,000,000 comments takes minutes). The template is
# made again when bench/seed.sql, the migrations or the sizes change (their checksum is the database's
# comment). It also holds pgbench's table (run_pgbench), copied from the seeded comments.
TEMPLATE=${DB}_seed_${ARTICLES}_${COMMENTS}_${TERMS}
SEED_KEY=$(cat bench/seed.sql src/main/resources/db/migration/*.sql | md5sum | cut -c1-16)
if [ "${SEED_CACHE:-0}" = 1 ]; then
  have=$(psql -At -d postgres -c "select shobj_description(oid, 'pg_database') from pg_database where datname = '$TEMPLATE'")
  if [ "$have" != "$SEED_KEY" ]; then
    bench_fresh_db "$TEMPLATE"
    bench_start_app "$TEMPLATE" "$OUT/app-seed.log" "${APP_SETTINGS[@]}"
    seed "$TEMPLATE"
    bench_stop_app
    say "pgbench's table: a copy of the seeded comments"
    pgbench_table "$TEMPLATE"
    psql -q -d postgres -c "comment on database $TEMPLATE is '$SEED_KEY'"
  fi
  [ "${PREPARE_ONLY:-0}" = 1 ] && { echo "template $TEMPLATE ready"; exit 0; }
  bench_guard_db "$DB"
  say "database $DB: a copy of $TEMPLATE"
  t0=$(date +%s)
  psql -q -d postgres -v ON_ERROR_STOP=1 -c "drop database if exists $DB with (force)" -c "create database $DB template $TEMPLATE"
  echo "copied in $(( $(date +%s) - t0 )) s"
  bench_start_app "$DB" "$OUT/app.log" "${APP_SETTINGS[@]}"
  make_terms "$DB"
  psql -q -d "$DB" -c "vacuum (analyze)" -c "checkpoint"
else
  bench_fresh_db "$DB"
  bench_start_app "$DB" "$OUT/app.log" "${APP_SETTINGS[@]}"
  echo "(fresh database: includes Flyway migrating it)"
fi
STARTED_LINE=$(grep -o 'started in [0-9.]*s[^"]*' "$OUT/app.log" | head -1 || true)
echo "Quarkus: ${STARTED_LINE:-<no 'started in' line found>}"

# Resident set size, sampled every 0.5 s for the whole run.
( max=0
  while kill -0 "$APP_PID" 2>/dev/null; do
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$APP_PID/status" 2>/dev/null || echo 0)
    if [ "${rss:-0}" -gt "$max" ]; then max=$rss; echo "$max" >"$OUT/rss-max-kb"; fi
    sleep 0.5
  done ) &
SAMPLER_PID=$!
[ "${SEED_CACHE:-0}" = 1 ] || seed "$DB"

# Sanity: a plain comment is approved, one with an imported term is held, X-Forwarded-For is used.
TERM1=$(sed -n 17p "$TERMS_FILE")
post_one() { # ip text -> status field
  curl -s -H 'Content-Type: application/json' -H "X-Forwarded-For: $1" \
    -d "{\"name\":\"Sanity $1\",\"email\":\"sanity-$1@bench.example\",\"text\":\"$2\"}" \
    "$BASE/api/articles/article-0999/comments" | grep -o '"status":"[A-Z]*"' || true
}
s1=$(post_one 198.51.100.1 "A plain comment about the council budget, nothing more to add here.")
s2=$(post_one 198.51.100.2 "A comment that contains $TERM1 in the middle of an ordinary sentence.")
ipcheck=$(psql -At -d "$DB" -c "select count(*) from comment where ip_address in ('198.51.100.1','198.51.100.2')")
echo "sanity: plain -> $s1, with term '$TERM1' -> $s2, forwarded IPs stored: $ipcheck/2"
[ "$s1" = '"status":"APPROVED"' ] && [ "$s2" = '"status":"PENDING"' ] && [ "$ipcheck" = 2 ] \
  || die "sanity check failed (rules not loaded or X-Forwarded-For not honoured)"

# --- runs ----------------------------------------------------------------------------------------
RUN=0
FAILED_RUNS=""
declare -A RPS P50 P99 NON2XX SOCKERR BYTES ALL_RPS

# record name rps p50 p99 non2xx socket-errors: one measured run. A workload measured more than once
# keeps the mean of its req/s, the worst p50 and p99, and the sum of its errors.
record() {
  local n=$1
  ALL_RPS[$n]="${ALL_RPS[$n]:-}${ALL_RPS[$n]:+ }$2"
  RPS[$n]=$(echo "${ALL_RPS[$n]}" | awk '{for (i = 1; i <= NF; i++) s += $i; printf "%.1f", s / NF}')
  P50[$n]=$(awk -v a="${P50[$n]:-0}" -v b="$3" 'BEGIN {print (b + 0 > a + 0) ? b : a}')
  P99[$n]=$(awk -v a="${P99[$n]:-0}" -v b="$4" 'BEGIN {print (b + 0 > a + 0) ? b : a}')
  NON2XX[$n]=$(( ${NON2XX[$n]:-0} + $5 )); SOCKERR[$n]=$(( ${SOCKERR[$n]:-0} + $6 ))
}

run_wrk() { # name script path measured(0/1) duration
  local name=$1 script=$2 path=$3 measured=$4 dur=$5 out url
  url=$path; [[ $path == http* ]] || url=$BASE$path
  RUN=$((RUN + 1))
  out="$OUT/wrk-$name.txt"
  if [ "$measured" = 1 ] && [[ " $JFR_WORKLOAD " == *" $name "* ]]; then
    jcmd "$APP_PID" JFR.start name="bench-$name" settings=profile duration="${dur}s" \
      filename="$PWD/target/bench-$name.jfr" >/dev/null
    echo "(recording JFR to target/bench-$name.jfr)"
  fi
  BENCH_NAME=$name BENCH_RUN=$RUN BENCH_TERMS=$TERMS_FILE BENCH_GZIP=$GZIP BENCH_ARTICLES=$ARTICLES \
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "${dur}s" --latency -s "bench/$script" "$url" >"$out" 2>&1 || true
  local line
  line=$(grep '^BENCH_RESULT' "$out" || true)
  [ -n "$line" ] || { cat "$out"; die "wrk run $name printed no result"; }
  if [ "$measured" = 1 ]; then cat "$out"; else echo "$line"; fi
  local k v rps p50 p99 non2xx sockerr
  for kv in $line; do
    k=${kv%%=*}; v=${kv#*=}
    case $k in
      rps) rps=$v ;; p50_ms) p50=$v ;; p99_ms) p99=$v ;;
      non2xx) non2xx=$v ;; socket_errors) sockerr=$v ;; avg_bytes) BYTES[$name]=$v ;;
    esac
  done
  [ "$measured" = 1 ] && record "$name" "$rps" "$p50" "$p99" "$non2xx" "$sockerr"
  if [ "$non2xx" != 0 ] || [ "$sockerr" != 0 ]; then
    FAILED_RUNS="$FAILED_RUNS $name"
    echo "!!! $name: $non2xx non-2xx responses, $sockerr socket errors (app log: $OUT/app.log)"
  fi
}

# This machine's PostgreSQL has autovacuum off. In production it would have vacuumed the written tables
# after the POST runs' hundreds of thousands of inserts (autovacuum_vacuum_insert_scale_factor 0.2);
# without it the visibility map stays unset and index-only scans visit the heap for every new row, and
# the planner's statistics go stale. So vacuum, as autovacuum would, before every run but the first.
# Then a checkpoint: the writes of one run (POST's 100,000 comments) must not make the next one pay for
# flushing them (a checkpoint's writes stall the WAL fsync that every commit waits for).
between_runs() {
  if [ -n "${RAN_BEFORE:-}" ]; then
    psql -q -d "$DB" -c "vacuum (analyze) comment, comment_reason, submission_throttle, article_comment_count, outbox_event, webhook_delivery" -c "checkpoint"
  fi
  RAN_BEFORE=1
}

workload() { # name script path
  between_runs
  if [ "$WARMUP" -gt 0 ]; then
    say "$1: warm-up ${WARMUP}s"
    run_wrk "warmup-$1" "$2" "$3" 0 "$WARMUP"
  fi
  say "$1: ${DURATION}s, $CONNECTIONS connections, $THREADS threads"
  run_wrk "$1" "$2" "$3" 1 "$DURATION"
}

run_pgbench() {
  between_runs
  say "pgbench: single-row comment INSERT, -c $CONNECTIONS -j $THREADS -T $DURATION"
  rm -f "$OUT"/pgbench_log.*
  if [ -z "${PGBENCH_TABLE:-}" ] && [ -z "$(psql -At -d "$DB" -c "select to_regclass('pgbench_comment')")" ]; then
    pgbench_table "$DB"
  else
    psql -q -d "$DB" -v ON_ERROR_STOP=1 -c "delete from pgbench_comment where user_agent = 'pgbench'" \
      -c "vacuum (analyze) pgbench_comment" -c "checkpoint"
  fi
  PGBENCH_TABLE=1
  "$PGBENCH" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -D articles="$ARTICLES" -f bench/insert.sql \
    -l --log-prefix="$OUT/pgbench_log" "$DB" >"$OUT/pgbench.txt" 2>&1 || { cat "$OUT/pgbench.txt"; die "pgbench failed"; }
  cat "$OUT/pgbench.txt"
  local p50 p99 failed
  read -r p50 p99 < <(cat "$OUT"/pgbench_log.* | awk '{print $3}' | sort -n |
    awk '{a[NR]=$1} END {printf "%.2f %.2f\n", a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000}')
  failed=$(awk '/failed transactions:/ {print $5; exit}' "$OUT/pgbench.txt")
  record pgbench "$(awk '/^tps = / {printf "%.1f", $3; exit}' "$OUT/pgbench.txt")" "$p50" "$p99" "${failed:-0}" 0
  [ "${failed:-0}" = 0 ] || FAILED_RUNS="$FAILED_RUNS pgbench"
  rm -f "$OUT"/pgbench_log.*
}

# --- webhook ------------------------------------------------------------------------------------
WEBHOOK_ID=""
WEBHOOK_NOTES=""
ALL_EVENTS='"comment.created", "comment.approved", "comment.held", "comment.spam", "comment.rejected",
  "comment.restored", "comment.edited", "comment.deleted", "comment.reported", "article.updated", "author.erased"'
webhook() { # true|false: create the webhook (enabled) or set its enabled flag
  local body="{\"url\": \"http://127.0.0.1:$RECEIVER_PORT/hook\", \"events\": [$ALL_EVENTS], \"enabled\": $1}" code
  if [ -z "$WEBHOOK_ID" ]; then
    code=$(curl -s -o "$OUT/webhook.json" -w '%{http_code}' -u "$ADMIN_USER:$ADMIN_PASSWORD" \
      -H 'Content-Type: application/json' -d "$body" "$BASE/api/moderation/webhooks")
    [ "$code" = 201 ] || { cat "$OUT/webhook.json"; die "creating the webhook answered $code"; }
    WEBHOOK_ID=$(grep -o '"id":[0-9]*' "$OUT/webhook.json" | head -1 | cut -d: -f2)
  else
    code=$(curl -s -o "$OUT/webhook.json" -w '%{http_code}' -u "$ADMIN_USER:$ADMIN_PASSWORD" -X PUT \
      -H 'Content-Type: application/json' -d "$body" "$BASE/api/moderation/webhooks/$WEBHOOK_ID")
    [ "$code" = 200 ] || { cat "$OUT/webhook.json"; die "changing the webhook answered $code"; }
  fi
}
# Events not yet fanned out and deliveries pending, and deliveries delivered, failed.
delivery_counts() {
  psql -At -F ' ' -d "$DB" -c "select (select count(*) from outbox_event where dispatched_at is null)
      + (select count(*) from webhook_delivery where status = 'PENDING'),
    (select count(*) from webhook_delivery where status = 'DELIVERED'), (select count(*) from webhook_delivery where status = 'FAILED')"
}
webhook_workload() {
  if [ -z "$RECEIVER_PID" ]; then
    "$JAVA" bench/webhooks/Receiver.java "$RECEIVER_PORT" >"$OUT/receiver.log" 2>&1 &
    RECEIVER_PID=$!
    for _ in $(seq 1 300); do grep -q listening "$OUT/receiver.log" 2>/dev/null && break; sleep 0.1; done
    grep -q listening "$OUT/receiver.log" || die "the webhook receiver did not start (see $OUT/receiver.log)"
  fi
  webhook true
  local before_delivered
  read -r _ before_delivered _ < <(delivery_counts)
  workload post-webhook post.lua /api/articles/article-0001/comments
  local t0 pending delivered failed waited
  t0=$(date +%s)
  read -r pending delivered failed < <(delivery_counts)
  local at_end=$((delivered - before_delivered)) backlog=$pending
  while [ "$pending" -gt 0 ] && [ $(( $(date +%s) - t0 )) -lt "$DRAIN" ]; do
    sleep 2
    read -r pending delivered failed < <(delivery_counts)
  done
  waited=$(( $(date +%s) - t0 ))
  webhook false
  local note="post-webhook run $(echo "${ALL_RPS[post-webhook]}" | wc -w): $at_end deliveries delivered during warm-up and run, $backlog events or deliveries still pending at its end; after ${waited} s: $pending pending ($((delivered - before_delivered)) delivered since the run began, $failed failed in all)"
  echo "$note"
  WEBHOOK_NOTES="$WEBHOOK_NOTES  - $note
"
}

POST_FROM_ID=$(psql -At -d "$DB" -c "select coalesce(max(id), 0) from comment")
for w in $WORKLOADS; do
  case $w in
    live) workload live live.lua "$HEALTH/q/health/live" ;;
    get) workload get get.lua /api/articles/article-0001/comments ;;
    post) workload post post.lua /api/articles/article-0001/comments ;;
    post-webhook) webhook_workload ;;
    mixed) workload mixed mixed.lua /api/articles/article-0001/comments ;;
    pgbench) run_pgbench ;;
    *) die "unknown workload $w" ;;
  esac
done

psql -q -d "$DB" -c "drop table if exists pgbench_comment" -c "checkpoint"

say "what the benchmark posts became (status of comments written by wrk)"
psql -d "$DB" -c "select status, count(*), round(100.0 * count(*) / sum(count(*)) over (), 1) as pct
                  from comment where id > $POST_FROM_ID and user_agent like 'wrk-bench/%' group by status order by status"

# --- plan of the public first page -------------------------------------------------------------
say "EXPLAIN (ANALYZE, BUFFERS) of the public first page (hot article article-0001) and the moderation queue"
EXPLAIN_FILE=$OUT/explain.txt
psql -d "$DB" -v ON_ERROR_STOP=1 >"$EXPLAIN_FILE" <<'SQL'
\echo '-- page: what the service runs for GET /api/articles/{id}/comments?page=0&size=20 (PublicCommentReader.PAGE)'
explain (analyze, buffers)
select id, parent_id, name, website, text, created_at from comment
where article_id = 'article-0001' and status = 'APPROVED' order by created_at, id limit 20 offset 0;
\echo '-- total: the sum of the article rows of the approved count (PublicCommentReader.TOTAL), whatever its size'
explain (analyze, buffers)
select coalesce(sum(approved), 0) from article_comment_count where article_id = 'article-0001';
\echo '-- the same two as the generic plans a server-prepared JDBC statement may switch to'
set plan_cache_mode = force_generic_plan;
prepare page_q(varchar, int, int) as
select id, parent_id, name, website, text, created_at from comment
where article_id = $1 and status = 'APPROVED' order by created_at, id limit $2 offset $3;
explain (analyze, buffers) execute page_q('article-0001', 20, 0);
prepare total_q(varchar) as select coalesce(sum(approved), 0) from article_comment_count where article_id = $1;
explain (analyze, buffers) execute total_q('article-0001');
reset plan_cache_mode;
\echo '-- queue: the moderators' default page, pending comments oldest first (ModerationQueue.search), and its count'
explain (analyze, buffers)
select * from comment where status = 'PENDING' order by created_at, id limit 20 offset 0;
explain (analyze, buffers)
select count(*) from comment where status = 'PENDING';
SQL
cat "$EXPLAIN_FILE"
page_uses=$(grep -c 'comment_article_status_created_idx' "$EXPLAIN_FILE" || true)
total_uses=$(grep -c 'article_comment_count_pkey' "$EXPLAIN_FILE" || true)
if [ "$page_uses" -ge 2 ] && [ "$total_uses" -ge 2 ]; then
  INDEX_OK="yes (both page plans use comment_article_status_created_idx, both total plans article_comment_count_pkey)"
else
  INDEX_OK="NO: $page_uses of 2 page plans use comment_article_status_created_idx, $total_uses of 2 total plans article_comment_count_pkey"
  FAILED_RUNS="$FAILED_RUNS explain"
fi
echo "index check: $INDEX_OK"

# --- memory, errors, summary -----------------------------------------------------------------
HWM_KB=$(awk '/^VmHWM:/ {print $2}' "/proc/$APP_PID/status")
RSS_MAX_KB=$(cat "$OUT/rss-max-kb" 2>/dev/null || echo 0)
APP_ERRORS=$(grep -c '"level":"ERROR"' "$OUT/app.log" || true)
if [ -n "$JFR_WORKLOAD" ]; then sleep 2; ls -l target/bench-*.jfr 2>/dev/null || true; fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f %%", 100 * a / b; else print "—" }'; }
row() { # name label ceiling-name
  local n=$1
  [ -n "${RPS[$n]:-}" ] || return 0
  local r="—"
  [ -n "${3:-}" ] && [ -n "${RPS[$3]:-}" ] && r="$(ratio "${RPS[$n]}" "${RPS[$3]}") of $4"
  local rps=${RPS[$n]}
  [[ "${ALL_RPS[$n]}" == *" "* ]] && rps="$rps (mean of ${ALL_RPS[$n]// /, })"
  printf '| %s | %s | %s | %s | %s | %s |\n' "$2" "$rps" "${P50[$n]}" "${P99[$n]}" \
    "$(( ${NON2XX[$n]} + ${SOCKERR[$n]} ))" "$r"
}
SUMMARY=$OUT/summary.md
{
  echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM,"
  echo "$("$JAVA" -version 2>&1 | head -1), $(psql -At -d postgres -c 'select version()' | cut -d, -f1) (synchronous_commit=$(psql -At -d postgres -c 'show synchronous_commit'), shared_buffers=$(psql -At -d postgres -c 'show shared_buffers')), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)."
  echo "Load average when the runs ended: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "Command: \`DURATION=$DURATION CONNECTIONS=$CONNECTIONS THREADS=$THREADS WARMUP=$WARMUP GZIP=$GZIP WORKLOADS=\"$WORKLOADS\" JAVA_OPTS=\"$JAVA_OPTS\" bench/load.sh\`"
  echo
  echo "| workload ($CONNECTIONS connections, ${DURATION} s) | req/s | p50 ms | p99 ms | non-2xx + socket errors | ratio to ceiling |"
  echo "|---|---:|---:|---:|---:|---|"
  row live 'ceiling: `GET /q/health/live` (wrk)'
  row pgbench 'ceiling: single-row comment INSERT (pgbench tps)'
  row get '`GET` first page (80 % on 20 hot articles)' live 'health/live'
  row post '`POST` comment (JSON)' pgbench 'pgbench insert'
  row post-webhook '`POST` comment, one webhook on every event' post 'POST without it'
  row mixed 'mixed 90 % GET / 10 % POST' live 'health/live'
  echo
  echo "- Start-up: ${READY_MS} ms from launch to the first 200 from \`/q/health/ready\` ($([ "${SEED_CACHE:-0}" = 1 ] && echo "a copy of the seeded template" || echo "fresh database, Flyway migrates it")); Quarkus: \"${STARTED_LINE}\"."
  echo "- Peak RSS: VmHWM $(( HWM_KB / 1024 )) MB at the end (includes start-up$([ "${SEED_CACHE:-0}" = 1 ] || echo " and the $TERMS-term import")); highest VmRSS sampled: $(( RSS_MAX_KB / 1024 )) MB."
  sizes=""
  for n in live get post mixed; do
    [ -n "${BYTES[$n]:-}" ] && sizes="$sizes${sizes:+, }$n ${BYTES[$n]} B"
  done
  echo "- Average response size as wrk read it (status line, headers and body; GETs with Accept-Encoding: gzip: $([ "$GZIP" = 0 ] && echo no || echo yes)): ${sizes:-—}."
  echo "- Public first page uses the index: $INDEX_OK."
  echo "- ERROR lines in the app log: $APP_ERRORS."
  [ -n "$WEBHOOK_NOTES" ] && printf -- '- Webhook deliveries:\n%s' "$WEBHOOK_NOTES"
} >"$SUMMARY"
for n in "${!RPS[@]}"; do echo "BENCH_MEAN name=$n rps=${RPS[$n]} runs=${ALL_RPS[$n]// /,}"; done | sort
say "summary (also in $SUMMARY)"
cat "$SUMMARY"

if [ -n "$FAILED_RUNS" ]; then
  die "errors in:$FAILED_RUNS"
fi
