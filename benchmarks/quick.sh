#!/usr/bin/env bash
# Quick mode: every benchmark once, with short warm-up and few iterations, in under 5 minutes on two cores.
# Good for the direction of a change, not for the numbers in docs/benchmarks.md (wide errors; those come from
# the longer per-benchmark commands listed there). Needs benchmarks/target/benchmarks.jar:
#   ./mvnw -B -q install -DskipTests && benchmarks/quick.sh
# Full output of each benchmark goes to benchmarks/target/quick/<name>.txt; the summary tables to stdout.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/benchmarks.jar"
out="$here/target/quick"
if [ ! -f "$jar" ]; then
  echo "quick.sh: $jar is missing; build it with: ./mvnw -B -q install -DskipTests" >&2
  exit 2
fi
mkdir -p "$out"

run() {
  local name="$1"
  shift
  echo "== $name"
  if ! java -jar "$jar" "$@" >"$out/$name.txt" 2>&1; then
    echo "quick.sh: $name failed; see $out/$name.txt" >&2
    exit 1
  fi
  # JMH ends with its summary table; print it from its header line on, of the GC profiler's rows only the
  # allocation per operation (deterministic, unlike time on a shared machine).
  sed -n '/^Benchmark /,$p' "$out/$name.txt" | grep -v -E ':gc\.(alloc\.rate|count|time) '

}

start=$(date +%s)
run validation 'ValidationBenchmark' -f 1 -wi 1 -w 3s -i 1 -r 2s -prof gc
run diff '\.DiffBenchmark' -f 1 -wi 1 -i 1 -prof gc
run gate 'GateBenchmark' -f 1 -wi 10 -i 5 -p concurrency=8,200
run registry 'RegistryBenchmark' -f 1 -wi 1 -w 1s -i 2 -r 1s
run drift 'DriftBenchmark' -f 1 -wi 1 -i 2 -p records=10000 -prof gc
run junit 'JUnitClassesBenchmark' -f 1 -wi 3 -w 1s -i 2 -r 1s -p classes=1,100
run peer 'PeerDiffBenchmark' -f 1 -wi 0 -i 1 -p size=500000
echo "quick.sh: done in $(( $(date +%s) - start )) s; full output in $out"
