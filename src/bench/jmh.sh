#!/usr/bin/env bash
# JMH benchmarks of the in-process search path over the real index, uncached:
#   SearchBenchmark    fixed queries with and without a platform facet (average time per search)
#   LongTailBenchmark  the long tail of distinct searches load.sh sends, the next one per invocation (p50/p99/p99.9)
#   JsonWriterBenchmark  the API's answer JSON written by hand and by Jackson's generator (answers of the long tail)
#   LayerUpgradeBenchmark  a layer made for ATT&CK 16.1 upgraded to 18.1: JSON read, upgrade, answer written (500
#                      entries, and all 1,051 technique-tactic cells of 16.1); reads 16.1 and 17.1 from
#                      $ATTACK_KB_RELEASES (default ../shared/attack-releases)
#
#   src/bench/jmh.sh                                  # SearchBenchmark, all parameter combinations
#   src/bench/jmh.sh -p query=T1059.001 -f 1 -wi 1 -i 3
#   src/bench/jmh.sh LongTail                         # 2 x 5 s warm-up, 3 x 10 s measured
#   src/bench/jmh.sh LongTail -wi 1 -i 2 -r 5         # shorter
#   src/bench/jmh.sh JsonWriter -prof gc              # ns and bytes per answer, both writers, with kept heads or none
#   src/bench/jmh.sh LayerUpgrade -p entries=500      # ms per upgrade of a 500-entry layer
#
# A first argument not starting with "-" selects the benchmarks (a JMH regex); the rest goes to JMH. Builds the index
# from $ATTACK_KB_DATA (default ../shared/data) into target/bench-index if there is none, and writes the long tail from
# $ATTACK_KB_BENCH_QUERIES (default ../shared/bench/atomic-names.jsonl) into target/bench-longtail.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${ATTACK_KB_DATA:-../shared/data}
INDEX=target/bench-index
BENCHMARK=SearchBenchmark
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then BENCHMARK=$1; shift; fi
mvn -B -q package -DskipTests
[ -f "$INDEX/CURRENT" ] || java -jar target/attack-kb.jar index --data "$DATA" --index "$INDEX" >/dev/null
src/bench/longtail.py target/bench-longtail.txt
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
  -jvmArgsAppend "-Dattackkb.bench.index=$INDEX -Dattackkb.bench.longtail=target/bench-longtail.txt" "$BENCHMARK" "$@"
