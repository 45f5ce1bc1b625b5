#!/usr/bin/env bash
# The write path's JDBC batch statement against a Hibernate StatelessSession batch insert of the same
# comments (benchmarks/write-path, JMH), on the local PostgreSQL, in a database of its own
# (write_path_bench, created if missing; each trial works in a schema of its own and drops it).
# Installs the service first: the benchmark module takes its classes and dependencies from there.
#
# Run from the repository root:   bench/write-path.sh [JMH options, e.g. -p batch=9]
# Environment: BENCH_DB=write_path_bench   SKIP_BUILD=1 reuses the last build
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-write_path_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
[ "$(psql -At -d postgres -c "select count(*) from pg_database where datname = '$DB'")" = 1 ] \
  || psql -q -d postgres -c "create database $DB"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q install -DskipTests
  ./mvnw -B -q -f benchmarks/write-path/pom.xml package
fi
cd benchmarks/write-path
BENCH_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB BENCH_DB_USER=$PGUSER \
  java -cp "target/classes:$(cat target/classpath.txt)" org.openjdk.jmh.Main WritePathBenchmark "$@"
