#!/usr/bin/env bash
# POST's ratio to its ceiling, repeated: bench/load.sh with WORKLOADS="pgbench post pgbench" RUNS times
# (each on a freshly seeded database), then every run's POST req/s, pgbench tps (the mean of the runs
# before and after POST, which takes the machine's drift out of the ratio) and ratio, and their median.
# On a shared 2-core VM the machine's speed drifts by ±30 % over minutes, so the goal is judged on the
# median, with the spread shown.
#
# Run from the repository root after a build (it never builds):   RUNS=5 bench/post-ratio.sh
# Environment: RUNS=5, and everything bench/load.sh reads (JAVA, DURATION, WARMUP, CONNECTIONS, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
OUT=target/bench
mkdir -p "$OUT"
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first (see BENCHMARKS.md)" >&2; exit 1; }

# A workload's mean req/s and its runs, from the BENCH_MEAN lines load.sh prints.
mean() { awk -v n="$2" '$1 == "BENCH_MEAN" && $2 == "name=" n {print substr($3, 5), substr($4, 6)}' "$1"; }

ratios=()
for i in $(seq 1 "$RUNS"); do
  log=$OUT/post-ratio-$i.log
  SKIP_BUILD=1 WORKLOADS="pgbench post pgbench" bench/load.sh >"$log" 2>&1 || { tail -20 "$log" >&2; exit 1; }
  read -r post _ < <(mean "$log" post)
  read -r tps tps_runs < <(mean "$log" pgbench)
  ratio=$(awk -v p="$post" -v t="$tps" 'BEGIN {printf "%.1f", 100 * p / t}')
  ratios+=("$ratio")
  printf 'run %d: POST %s req/s, pgbench %s tps (before, after: %s), ratio %s %%\n' "$i" "$post" "$tps" "$tps_runs" "$ratio"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR] = $1} END {
  m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
  printf "median %.1f %% over %d runs (min %.1f %%, max %.1f %%)\n", m, NR, a[1], a[NR]}'
