#!/usr/bin/env bash
# Issue 27's hostile load against the packaged service as deployed (BENCHMARKS.md, "Hostile load"): the
# production package and JVM options (src/main/docker/Dockerfile.jvm: serial GC, 128 MB heap), its
# database reached through a forwarder that can go silent, and /q/health/live probed on the management
# port by curl in a process of its own every 50 ms, as a kubelet does (a new connection per probe; no GC
# of the prober's in the figures, and the service's pauses all in them).
#   phase "idle"     a few seconds before the load
#   phase "hostile"  SECONDS of readers (cached GETs, short comments) beside 64 KB comments fed to a slow
#                    PATTERN rule ([a-z ]{1,1000}q, as HostileLoadTest), bench/hostile/Hostile.java
#   phase "silent"   SECONDS more with the database link silent (packets dropped, no reset)
#   phase "after"    the link restored, the load stopped, until /q/health/ready answers 200 again
# Prints each phase's probes (count, median, p99, max, how many over 100 ms), every probe over 50 ms with
# its time, the load's answers, the GC pauses over 10 ms (its GC log), and who had the cores in the
# load's first seconds (the service, the load's process, the rest: /proc every 0.5 s).
#
# Run from the repository root:   bench/hostile.sh
# Environment: SECONDS_EACH=10  PORT=8093 (MGMT_PORT = PORT + 1000)  PROXY_PORT=PORT + 2  SKIP_BUILD=1
#              BENCH_DB=comments_hostile_bench (dropped and recreated)  JAVA
#              JAVA_OPTS (default: Dockerfile.jvm's, -Xms128m -Xmx128m -Xmn48m -XX:+UseSerialGC
#              -XX:MetaspaceSize=128m -XX:TrimNativeHeapInterval=5000) and JAVA_OPTS_APPEND; a GC and
#              safepoint log is added (target/bench-hostile/gc.log)
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${SECONDS_EACH:-10}
PORT=${PORT:-8093}
PROXY_PORT=${PROXY_PORT:-$((PORT + 2))}
DB=${BENCH_DB:-comments_hostile_bench}
OUT=target/bench-hostile
JAVA_OPTS=${JAVA_OPTS--Xms128m -Xmx128m -Xmn48m -XX:+UseSerialGC -XX:MetaspaceSize=128m -XX:TrimNativeHeapInterval=5000}
# The GC and safepoint logs (time of day, to set beside the probes), and JAVA_OPTS_APPEND (as Dockerfile.jvm).
JAVA_OPTS="$JAVA_OPTS -Xlog:gc,safepoint:file=$OUT/gc.log:uptimemillis,time ${JAVA_OPTS_APPEND:-}"
source bench/lib.sh   # the production package, health on the management port
rm -rf "$OUT"
mkdir -p "$OUT"

bench_guard_db "$DB"
bench_tools psql curl awk "$JAVA"
bench_build
bench_fresh_db "$DB"

LOAD_PID=""
PROBE_PID=""
CPU_PID=""
cleanup() {
  [ -n "$PROBE_PID" ] && kill "$PROBE_PID" 2>/dev/null || true
  [ -n "$CPU_PID" ] && kill "$CPU_PID" 2>/dev/null || true
  bench_stop_app
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ARTICLE=hostile-$(date +%s)
"$JAVA" bench/hostile/Hostile.java "$PROXY_PORT" "$PGHOST" "$PGPORT" "$BASE" "$ARTICLE" "$SECONDS_EACH" "$OUT" >"$OUT/load.log" 2>&1 &
LOAD_PID=$!
for _ in $(seq 1 300); do grep -q forwarding "$OUT/load.log" 2>/dev/null && break; sleep 0.1; done
grep -q forwarding "$OUT/load.log" || { cat "$OUT/load.log"; die "the forwarder did not start"; }

# Every post comes from another address (X-Forwarded-For, trusted by bench/lib.sh) and flood control
# waits for nobody, as in HostileLoadTest: the load is the pattern's, not the throttle's.
bench_start_app "$DB" "$OUT/app.log" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PROXY_PORT/$DB" \
  COMMENTS_RULES_MAX_FLOOD_INTERVAL=0s

code=$(curl -s -o "$OUT/rule.json" -w '%{http_code}' -u "$ADMIN_USER:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
  -d '{"type": "PATTERN", "action": "SPAM", "pattern": "[a-z ]{1,1000}q"}' "$BASE/api/moderation/rules")
[ "$code" = 201 ] || { cat "$OUT/rule.json"; die "creating the PATTERN rule answered $code"; }
sleep 2.5   # every instance reloads its rules within this
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H 'X-Forwarded-For: 198.51.100.7' \
  -d '{"name": "Ali", "text": "A cached page"}' "$BASE/api/articles/$ARTICLE/comments")
[ "$code" = 201 ] || die "the first comment answered $code"

# The probe: one curl per probe, a new connection each time, like a kubelet's httpGet probe.
probe() {
  local t r
  while [ ! -f "$OUT/stop-probe" ]; do
    t=$(date +%s%3N)
    r=$(curl -s -o /dev/null --max-time 10 -w '%{http_code} %{time_total}' "$MGMT/q/health/live" || true)
    echo "$t ${r:-000 10}" >>"$OUT/probes"
    sleep 0.05
  done
}
probe &
PROBE_PID=$!
# CPU ticks (utime + stime) of the service and of the load's process, and the machine's busy ticks, every
# 0.5 s: bash builtins only, so that the sampler itself costs next to nothing.
ticks() { local line rest; read -r line <"$1" 2>/dev/null || { echo 0; return; }; rest=${line##*) }; set -- $rest; echo $(( ${12} + ${13} )); }
cpu_sampler() {
  local cpu u n s i io irq sirq steal
  while [ ! -f "$OUT/stop-probe" ]; do
    read -r cpu u n s i io irq sirq steal _ </proc/stat
    echo "$(( ${EPOCHREALTIME/./} / 1000 )) $(ticks /proc/$APP_PID/stat) $(ticks /proc/$LOAD_PID/stat) $(( u + n + s + irq + sirq + steal ))" >>"$OUT/cpu"
    sleep 0.5
  done
}
cpu_sampler &
CPU_PID=$!
say "probing $MGMT/q/health/live every 50 ms; load in 3 s: ${SECONDS_EACH} s hostile pattern, then ${SECONDS_EACH} s silent database"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
sleep 3
touch "$OUT/go"
for _ in $(seq 1 $((SECONDS_EACH * 20 + 1200))); do [ -f "$OUT/phases" ] && break; sleep 0.1; done
[ -f "$OUT/phases" ] || die "the load did not finish (see $OUT/load.log)"
LOAD_DURING=$(cut -d' ' -f1-3 /proc/loadavg)
RESTORED=$(awk '$1 == "restored" {print $2}' "$OUT/phases")
READY_AFTER=""
for _ in $(seq 1 600); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$MGMT/q/health/ready" || true)" = 200 ]; then
    READY_AFTER=$(( $(date +%s%3N) - RESTORED )); break
  fi
  sleep 0.05
done
sleep 1
touch "$OUT/stop-probe"
wait "$PROBE_PID" "$CPU_PID" 2>/dev/null || true
PROBE_PID=""
CPU_PID=""

say "results"
awk -v phases="$OUT/phases" '
  BEGIN { while ((getline line < phases) > 0) { split(line, f, " "); at[f[1]] = f[2] } }
  { t = $1; code = $2; ms = $3 * 1000
    p = t < at["hostile"] ? "idle" : t < at["silent"] ? "hostile" : t < at["restored"] ? "silent" : "after"
    n[p]++; v[p, n[p]] = ms; if (code != 200) bad[p]++; if (ms > 100) over[p]++
    if (ms > 50) slow = slow sprintf("  %s %s +%.1f s: %.0f ms (HTTP %s)\n", p, strftime("%H:%M:%S", int(t / 1000)), (t - at["hostile"]) / 1000, ms, code) }
  END {
    printf "| phase | probes | median ms | p99 ms | max ms | over 100 ms | not 200 |\n|---|---:|---:|---:|---:|---:|---:|\n"
    split("idle hostile silent after", order, " ")
    for (k = 1; k <= 4; k++) {
      p = order[k]; if (!n[p]) continue
      delete s; for (i = 1; i <= n[p]; i++) s[i] = v[p, i]
      m = asort(s); q = int(m * 0.99); if (q < 1) q = 1
      printf "| %s | %d | %.1f | %.1f | %.1f | %d | %d |\n", p, m, s[int((m + 1) / 2)], s[q], s[m], over[p] + 0, bad[p] + 0
    }
    printf "probes over 50 ms:\n%s", slow == "" ? "  none\n" : slow
  }' "$OUT/probes"
echo "load's answers (status: count; -1 no answer): $(cat "$OUT/answers")"
echo "who had the CPU (share of both cores: service / load's process / everything else), by second of the load:"
awk -v phases="$OUT/phases" -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" '
  BEGIN { while ((getline line < phases) > 0) { split(line, f, " "); at[f[1]] = f[2] } }
  NR > 1 { s = int(($1 - at["hostile"]) / 1000 + 10) - 10
    if (s >= -1 && s <= 4) { app[s] += $2 - a; load[s] += $3 - l; all[s] += $4 - m; ms[s] += $1 - t } }
  { t = $1; a = $2; l = $3; m = $4 }
  END { for (s = -1; s <= 4; s++) if (ms[s] > 0) { c = ms[s] / 1000 * hz * cores
      printf "  %+d s: service %3.0f %%, load %3.0f %%, rest %3.0f %%\n", s, 100 * app[s] / c, 100 * load[s] / c, 100 * (all[s] - app[s] - load[s]) / c } }' "$OUT/cpu"
echo "/q/health/ready 200 again ${READY_AFTER:-?} ms after the link was restored"
if [ -f "$OUT/gc.log" ]; then
  echo "GC pauses over 10 ms in the app's life (of $(grep -c 'Pause' "$OUT/gc.log") pauses; times of day to set beside the probes):"
  awk '/Pause/ { ms = $NF; sub(/ms$/, "", ms); if (ms + 0 > 10) print "  " $0 }' "$OUT/gc.log" | tail -20
  # "Reaching safepoint": how long the JVM waited for every thread to stop (a thread in a loop without a
  # safepoint poll holds all the others, the probe's event loop included, for that long).
  echo "safepoints whose threads took over 5 ms to stop, or that lasted over 10 ms in all:"
  awk '/Safepoint "/ { r = $0; sub(/.*Reaching safepoint: /, "", r); sub(/ ns.*/, "", r)
      t = $0; sub(/.*Total: /, "", t); sub(/ ns.*/, "", t)
      if (r / 1e6 > 5 || t / 1e6 > 10) printf "  %s reaching %.1f ms, total %.1f ms\n", $1, r / 1e6, t / 1e6 }' "$OUT/gc.log" | tail -20
fi
echo "JAVA_OPTS: $JAVA_OPTS"
echo "load average before the load: $LOAD_BEFORE; at its end: $LOAD_DURING"
bench_machine
