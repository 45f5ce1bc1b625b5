#!/usr/bin/env bash
# How long the widget takes to solve a proof-of-work challenge of the default difficulty
# (comments.bots.pow-max-number=100000) in headless Chromium: N times (fetch a challenge, solve it in a
# Web Worker with SubtleCrypto), through ProofOfWorkBrowserTest#solveTimes. Prints the median and
# writes every time to target/bench/pow-solve.txt.
#
# Run from the repository root:   bench/pow-solve.sh [N, default 41]
# Environment: TEST_DB_URL as for the tests (the test starts the service on it)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest='ProofOfWorkBrowserTest#solveTimes' -Dbench.pow.solves="${1:-41}" -Dsurefire.failIfNoSpecifiedTests=false \
  | grep '^POW_SOLVE' || { echo "no result: see target/surefire-reports" >&2; exit 1; }
