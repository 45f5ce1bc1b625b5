#!/usr/bin/env bash
# Builds what the bench/ scripts run (bench/lib.sh): target/quarkus-app, the production package, and
# target/bench-app, the same sources with health also on the API port (the like-for-like ceiling of
# bench/load.sh and bench/signin.sh). On the shared machine: /work/bin/heavy bench/build.sh, then the
# benchmark with SKIP_BUILD=1 through /work/bin/quiet.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=0
source bench/lib.sh
bench_build_all
