#!/usr/bin/env bash
# Runs the whole benchmark suite on a quiet machine (sized for 2 cores: one fork per benchmark,
# short iterations set by each class's @Warmup/@Measurement; about 20-25 minutes) and writes
#   <out>/jmh.json     every JMH result (JMH's JSON format)
#   <out>/jmh.txt      JMH's log, with the setup checks and the bytes/entry lines
#   <out>/memory.txt   the heap each graph structure retains per entry (MemoryFootprint)
# Usage: benchmarks/run.sh [out-folder] [JMH regex and options...]   (default out: benchmarks/target/jmh)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-benchmarks/target/jmh}"
shift || true
mkdir -p "$out"
./mvnw -q -pl benchmarks -am package -DskipTests
jar=benchmarks/target/benchmarks.jar
java -jar "$jar" -rf json -rff "$out/jmh.json" "$@" 2>&1 | tee "$out/jmh.txt"
if [ "$#" -eq 0 ]; then
  java -XX:+UseSerialGC -Xmx8g -cp "$jar" org.contactaudit.bench.MemoryFootprint 10000 100000 \
    | tee "$out/memory.txt"
fi
echo "results in $out"
