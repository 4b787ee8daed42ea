#!/usr/bin/env bash
# Index build benchmark: the indexer issue's measurement. Builds the index of the three ATT&CK bundles in a fresh
# JVM (as a user runs it) and, in the same rounds, times Python merely parsing the same three files (the "parse
# floor"). Rounds alternate so that both see the same machine; medians are reported, with the ratio.
#
#   src/bench/index.sh                 # 7 rounds, -Xmx512m
#   ROUNDS=3 HEAP=192m src/bench/index.sh
#
# Needs python3, GNU time (/usr/bin/time) and the jar (mvn -B package). Reads $ATTACK_KB_DATA/attack (default
# ../shared/data/attack); writes only target/bench-build-index.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${ROUNDS:-7}
HEAP=${HEAP:-512m}
ATTACK=${ATTACK_KB_DATA:-../shared/data}/attack
INDEX=target/bench-build-index
JAR=target/attack-kb.jar
BUNDLES=("$ATTACK"/enterprise-attack-*.json "$ATTACK"/mobile-attack-*.json "$ATTACK"/ics-attack-*.json)

[ -x /usr/bin/time ] || { echo "GNU time not found: apt-get install time" >&2; exit 1; }
for b in "${BUNDLES[@]}"; do [ -f "$b" ] || { echo "no bundle $b (set ATTACK_KB_DATA)" >&2; exit 1; }; done
[ -f "$JAR" ] || mvn -B -q package -DskipTests

TIMES=$(mktemp)
trap 'rm -f "$TIMES"; rm -rf "$INDEX"' EXIT
PARSE="import json, sys; [json.load(open(f)) for f in sys.argv[1:]]"

for round in $(seq 1 "$ROUNDS"); do
  rm -rf "$INDEX"
  /usr/bin/time -a -o "$TIMES" -f "index %e %M" java -Xmx"$HEAP" -jar "$JAR" index --data "$ATTACK" --index "$INDEX" >/dev/null 2>&1
  /usr/bin/time -a -o "$TIMES" -f "parse %e %M" python3 -c "$PARSE" "${BUNDLES[@]}"
  echo "round $round/$ROUNDS: $(tail -2 "$TIMES" | awk '{printf "%s %s s  ", $1, $2}')"
done

python3 - "$TIMES" "$HEAP" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
def stats(kind):
    wall = [float(r[1]) for r in rows if r[0] == kind]
    rss = [int(r[2]) for r in rows if r[0] == kind]
    return statistics.median(wall), min(wall), max(wall), statistics.median(rss) // 1024
iw, imin, imax, irss = stats("index")
pw, pmin, pmax, prss = stats("parse")
print(f"index build (-Xmx{sys.argv[2]}): median {iw:.2f} s (min {imin:.2f}, max {imax:.2f}), peak RSS {irss} MB")
print(f"python parse floor:       median {pw:.2f} s (min {pmin:.2f}, max {pmax:.2f}), peak RSS {prss} MB")
print(f"ratio of medians: {iw / pw:.1f}x (goal: 3x or less)")
PY
