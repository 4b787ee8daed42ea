#!/usr/bin/env bash
# JMH benchmark of the in-process search path (SearchBenchmark) over the real index.
#   src/bench/jmh.sh                 # all parameter combinations
#   src/bench/jmh.sh -p query=T1059.001 -f 1 -wi 1 -i 3
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${ATTACK_KB_DATA:-../shared/data}
INDEX=target/bench-index
mvn -B -q package -DskipTests
[ -f "$INDEX/CURRENT" ] || java -jar target/attack-kb.jar index --data "$DATA" --index "$INDEX" >/dev/null
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
  -jvmArgsAppend "-Dattackkb.bench.index=$INDEX" SearchBenchmark "$@"
