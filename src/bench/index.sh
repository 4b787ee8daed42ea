#!/usr/bin/env bash
# Index build benchmark: the indexer issue's measurement. Builds the index of the three ATT&CK bundles in a fresh
# JVM (as a user runs it) and, in the same rounds, times Python merely parsing the same three files (the "parse
# floor"). Rounds alternate so that both see the same machine; medians are reported, with the ratio.
#
#   src/bench/index.sh                 # 7 rounds, -Xmx512m
#   ROUNDS=3 HEAP=192m src/bench/index.sh
#   DATA="../shared/data ../shared/attack-releases" HEAP=256m src/bench/index.sh
#                                      # everything: ATT&CK 16.1, 17.1 and 18.1, the mappings and the catalog
#
# DATA: folders to index instead of the three bundles, each given as --data; the floor is then Python parsing every
# .json and .json.gz file under them (gzip included), as the indexer reads them, and the goal 8x (GOAL). Besides wall
# time, each run's CPU time (user + system) is reported: on a shared machine it is the steadier of the two.
#
# Needs python3, GNU time (/usr/bin/time) and the jar (mvn -B package). Reads $ATTACK_KB_DATA/attack (default
# ../shared/data/attack) or $DATA; writes only target/bench-build-index.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${ROUNDS:-7}
HEAP=${HEAP:-512m}
GOAL=${GOAL:-$([ -n "${DATA:-}" ] && echo 8 || echo 3)}
ATTACK=${ATTACK_KB_DATA:-../shared/data}/attack
INDEX=target/bench-build-index
JAR=target/attack-kb.jar

[ -x /usr/bin/time ] || { echo "GNU time not found: apt-get install time" >&2; exit 1; }
if [ -n "${DATA:-}" ]; then
  read -ra FOLDERS <<< "$DATA"
  SOURCES=()
  for f in "${FOLDERS[@]}"; do
    [ -d "$f" ] || { echo "no folder $f" >&2; exit 1; }
    SOURCES+=(--data "$f")
  done
  mapfile -t FILES < <(find "${FOLDERS[@]}" -type f \( -iname '*.json' -o -iname '*.json.gz' \) ! -name '.*' | sort)
else
  FILES=("$ATTACK"/enterprise-attack-*.json "$ATTACK"/mobile-attack-*.json "$ATTACK"/ics-attack-*.json)
  SOURCES=(--data "$ATTACK")
  for b in "${FILES[@]}"; do [ -f "$b" ] || { echo "no bundle $b (set ATTACK_KB_DATA)" >&2; exit 1; }; done
fi
[ -f "$JAR" ] || mvn -B -q package -DskipTests

TIMES=$(mktemp)
trap 'rm -f "$TIMES"; rm -rf "$INDEX"' EXIT
PARSE="import gzip, json, sys; [json.load(gzip.open(f) if f.lower().endswith('.gz') else open(f, 'rb')) for f in sys.argv[1:]]"
echo "${#FILES[@]} files, $(du -chL "${FILES[@]}" | tail -1 | cut -f1) on disk"

for round in $(seq 1 "$ROUNDS"); do
  rm -rf "$INDEX"
  /usr/bin/time -a -o "$TIMES" -f "index %e %M %U %S" java -Xmx"$HEAP" -jar "$JAR" index "${SOURCES[@]}" --index "$INDEX" >/dev/null 2>&1
  /usr/bin/time -a -o "$TIMES" -f "parse %e %M %U %S" python3 -c "$PARSE" "${FILES[@]}"
  echo "round $round/$ROUNDS: $(tail -2 "$TIMES" | awk '{printf "%s %s s (CPU %.1f s)  ", $1, $2, $4 + $5}')"
done

python3 - "$TIMES" "$HEAP" "$GOAL" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
def stats(kind):
    wall = [float(r[1]) for r in rows if r[0] == kind]
    rss = [int(r[2]) for r in rows if r[0] == kind]
    cpu = [float(r[3]) + float(r[4]) for r in rows if r[0] == kind]
    return statistics.median(wall), min(wall), max(wall), statistics.median(rss) // 1024, statistics.median(cpu)
iw, imin, imax, irss, icpu = stats("index")
pw, pmin, pmax, prss, pcpu = stats("parse")
print(f"index build (-Xmx{sys.argv[2]}): median {iw:.2f} s (min {imin:.2f}, max {imax:.2f}), CPU {icpu:.2f} s, peak RSS {irss} MB")
print(f"python parse floor:       median {pw:.2f} s (min {pmin:.2f}, max {pmax:.2f}), CPU {pcpu:.2f} s, peak RSS {prss} MB")
print(f"ratio of medians: {iw / pw:.1f}x wall (goal: {sys.argv[3]}x or less), {icpu / pcpu:.1f}x CPU")
PY
