# Sourced by bench/load.sh, bench/startup.sh and bench/aot-cache.sh: the JVM the service is measured on.
# Sets JAVA (default java) and, unless the caller set JAVA_OPTS (JAVA_OPTS="" runs JVM defaults), the
# default options: a fixed 144 MB heap with a 56 MB young generation and the serial collector, for a
# peak RSS under 400 MB (the live heap under load is about 50 MB; -Xmx256m alone peaked at 508-520 MB;
# 160 MB peaked at 385-404 MB once the benchmark's pages became prose-sized, 144 MB at 372-384 MB),
# native-heap trimming every 5 s (glibc keeps what the JIT compilers' work areas freed: about 20 MB),
# plus the JDK 25 AOT cache that bench/aot-cache.sh trains, when it exists and this java can use it
# (start-up about 1.5 s instead of 3.3 s, and less metaspace). With AOT_CACHE=0 the cache is not used
# (aot-cache.sh, which writes it).
JAVA=${JAVA:-java}
if [ -z "${JAVA_OPTS+set}" ]; then
  JAVA_OPTS="-Xms144m -Xmx144m -Xmn56m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000"
  if [ "${AOT_CACHE:-1}" = 1 ] && [ -f target/quarkus-app/app.aot ] \
     && "$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCache '; then
    JAVA_OPTS="$JAVA_OPTS -XX:AOTCache=target/quarkus-app/app.aot"
  fi
fi
# glibc gives every thread that mallocs its own 64 MB arena; 2 arenas are enough for the JVM's own mallocs.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
