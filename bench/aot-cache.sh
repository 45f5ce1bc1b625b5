#!/usr/bin/env bash
# Builds a JDK 25 AOT cache (JEP 483/514/515, Project Leyden) for the packaged service by a training run:
# starts target/quarkus-app/quarkus-run.jar with -XX:AOTCacheOutput, sends it a few of every kind of
# request (public pages, comments, moderator sign-ins, health, metrics), stops it; the JVM then writes
# the cache. Use it with -XX:AOTCache=target/quarkus-app/app.aot (bench/load.sh does when it exists).
#
# The cache only works with the same JDK, the same jar files and the same class path as written here,
# so launch the app the same way (java ... -jar target/quarkus-app/quarkus-run.jar from the repository
# root), and package with the aot-jar type so that every class is on the JDK's class path:
#   ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.type=aot-jar
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/aot-cache.sh
# Environment: JAVA (a JDK 25+ java), BENCH_DB=startup_train (dropped and created again),
#   PORT=8098, ROUNDS=20, JAVA_OPTS (heap/GC options of the training run; default as bench/load.sh).
# (Quarkus can do the same with -Dquarkus.package.jar.aot.enabled=true, training on the integration
# tests; that needs Maven itself to run on JDK 25.)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-startup_train}
PORT=${PORT:-8098}
# Health and metrics: the packaged app serves them on its management interface only (README, Operations).
MGMT_PORT=${MGMT_PORT:-$((PORT + 1000))}
ROUNDS=${ROUNDS:-20}
AOT_CACHE=0 source bench/jvm-options.sh
CACHE=target/quarkus-app/app.aot
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
case "$DB" in
  test|test_main|test_widget|comments_bench|postgres|template0|template1) echo "refusing to use database '$DB'" >&2; exit 1 ;;
esac
"$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q " AOTCacheOutput " || { echo "$JAVA has no AOT cache (JDK 25+ needed)" >&2; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first" >&2; exit 1; }
# A fresh database: an old one's schema history may not match these migrations, and a training run
# whose app does not start would write a cache of start-up failure.
psql -q -d postgres -c "drop database if exists $DB" -c "create database $DB"

export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres
export QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MGMT_PORT COMMENTS_ADMIN_USERNAME=admin COMMENTS_ADMIN_PASSWORD=training-admin-password
export COMMENTS_BOTS_HMAC_KEY=${COMMENTS_BOTS_HMAC_KEY:-bench-only-bots-hmac-key}
export QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true
rm -f "$CACHE"
# shellcheck disable=SC2086
"$JAVA" $JAVA_OPTS -XX:AOTCacheOutput="$CACHE" -jar target/quarkus-app/quarkus-run.jar >target/aot-training.log 2>&1 &
pid=$!
B=http://127.0.0.1:$PORT
M=http://127.0.0.1:$MGMT_PORT
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' $M/q/health/ready || true)" = 200 ] && break
  kill -0 $pid 2>/dev/null || { tail -20 target/aot-training.log; rm -f "$CACHE"; echo "the training run did not start: no cache" >&2; exit 1; }
  sleep 0.1
done
for i in $(seq 1 "$ROUNDS"); do
  curl -s -o /dev/null "$B/api/articles/training-$((i % 3))/comments"
  curl -s -o /dev/null -H 'Content-Type: application/json' -H "X-Forwarded-For: 10.9.0.$i" \
    -d "{\"name\":\"Trainer $i\",\"email\":\"t$i@training.example\",\"text\":\"Training comment $i $RANDOM about the council budget, see https://example.com/$i\"}" \
    "$B/api/articles/training-$((i % 3))/comments"
  curl -s -o /dev/null -u admin:training-admin-password "$B/api/moderation/comments"
  curl -s -o /dev/null -u admin:training-admin-password "$B/api/moderation/rules"
  curl -s -o /dev/null -u nobody:not-a-password-at-all "$B/api/moderation/comments"
  curl -s -o /dev/null "$M/q/health/live"; curl -s -o /dev/null "$M/q/health/ready"; curl -s -o /dev/null "$M/q/metrics"
done
kill $pid
wait $pid || true
ls -l "$CACHE"
