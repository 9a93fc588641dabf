#!/usr/bin/env bash
# The reference workload: 1 million accounts (about 130 million upload rows, 10 million
# recommendations), generated once, then audited end to end. Records the wall time of every phase
# (the job's own log lines) and the peak memory (GNU time's maximum resident set size).
#
# Usage: benchmarks/reference-workload.sh [data-folder] [heap]    defaults: /tmp/contact-audit-ref 8g
# Needs about 9 GB of disk for the data and the heap given (plus about 1 GB) of free memory.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-/tmp/contact-audit-ref}"
heap="${2:-8g}"
jar=batch-runner/target/contact-audit.jar
[ -f "$jar" ] || ./mvnw -q -DskipTests -pl batch-runner -am package
if [ ! -f "$data/recommendations.csv" ]; then
  java -Xmx2g -jar "$jar" generate --out "$data" --accounts 1000000 --recommendations 10 --seed 2026
fi
key=$(mktemp)
head -c 32 /dev/urandom | base64 > "$key"
out="$data-audit"
log="$data-audit.log"
timer=""
command -v /usr/bin/time >/dev/null && timer="/usr/bin/time -v"
$timer java "-Xmx$heap" -XX:+UseParallelGC -jar "$jar" audit --input "$data" --default-region CN \
  --key-file "$key" --out "$out" --overwrite 2>&1 | tee "$log"
rm -f "$key"
echo "phases:"
grep -E "\] (read|judge|analyses|write): done" "$log" || true
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$log" || true
