#!/usr/bin/env bash
# Short JMH profile of the engine kernels (issue 2, section 4): SIMD vs scalar twin for dot, axpy, extragradient
# (xpayInto), SGD-momentum and Adam, double and float, n ~ 1e3, 1e4, 1e5, 1e7, plus a same-run STREAM triad; then ONE
# table (kernel, precision, n, scalar ns/op, SIMD ns/op, speedup, GB/s, fraction of triad bandwidth) and the targets.
#
# Usage: bench/run.sh [extra JMH options, e.g. -p n=10007]   (about 6-8 minutes on 2 cores)
# Env:   MVN_FLAGS      extra flags for the build (e.g. -o to build offline)
#        JMH_IGNORE_LOCK=1  run even if another JMH instance holds /tmp/jmh.lock (numbers will be disturbed)
# Output: bench/results/kernels-<UTC time>.csv (raw JMH means), .log (JMH console) and .txt (the table).
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/jdk25.sh
JAVA="$JAVA_HOME/bin/java"
JAR=bench/target/benchmarks.jar

# Build the shaded benchmark jar if it is missing or older than any engine/bench source or POM.
if [ ! -f "$JAR" ] || [ -n "$(find pom.xml engine/pom.xml engine/src/main engine/src/build bench/pom.xml bench/src \
        -newer "$JAR" -type f 2>/dev/null | head -n 1)" ]; then
  echo "run.sh: building $JAR ..."
  # shellcheck disable=SC2086
  ./mvnw -B -ntp -q ${MVN_FLAGS:-} -pl bench -am package -DskipTests
fi

mkdir -p bench/results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
base=bench/results/kernels-$stamp
lock=()
if [ "${JMH_IGNORE_LOCK:-0}" = 1 ]; then lock=(-Djmh.ignoreLock=true); fi

echo "run.sh: JMH on $(nproc) cores, $("$JAVA" -version 2>&1 | head -n 1); console log: $base.log"
# Profile (forks, warm-up and measurement) comes from the annotations on the benchmark classes:
# 1 fork, 3 x 300 ms warm-up, 5 x 400 ms measurement per (kernel, impl, n).
# KernelReport drives JMH through its API (same options as the JMH command line), sends JMH's console output to the
# log (-o) and the raw means to the CSV, then prints the table.
# If another JMH run holds /tmp/jmh.lock (a shared machine), wait for it rather than disturb it: retry every 20 s
# for up to 15 minutes.
for attempt in $(seq 1 45); do
  set +e
  "$JAVA" --sun-misc-unsafe-memory-access=allow "${lock[@]}" -cp "$JAR" org.optdyn.bench.KernelReport \
      'org\.optdyn\.bench\.(Double|Float)(KernelsBench|TriadBench)\.' \
      -o "$base.log" -rf csv -rff "$base.csv" "$@" > "$base.txt" 2>&1
  status=$?
  set -e
  if [ "$status" = 0 ] || ! grep -q "Unable to acquire the JMH lock" "$base.txt"; then break; fi
  [ "$attempt" = 1 ] && echo "run.sh: another JMH run holds /tmp/jmh.lock; waiting for it (JMH_IGNORE_LOCK=1 skips this)"
  sleep 20
done
if [ "$status" != 0 ]; then cat "$base.txt"; tail -n 30 "$base.log" 2>/dev/null; exit "$status"; fi
cat "$base.txt"
