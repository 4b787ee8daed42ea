#!/usr/bin/env bash
# Load benchmark: a running attack-kb server on 127.0.0.1, /healthz (the HTTP floor of this stack) and then a
# realistic /api/search mix, each with wrk. Prints throughput, p50/p99 and the server's peak RSS.
#
#   src/bench/load.sh                      # 20 s each at 32 connections (the search-server issue's setting)
#   DURATION=60s CONNECTIONS=64 src/bench/load.sh
#   RESULT_CACHE=0 src/bench/load.sh       # without the result cache
#
# Needs wrk (Debian package "wrk") and the jar (mvn -B package). Builds the index from $ATTACK_KB_DATA (default
# ../shared/data) into target/bench-index if there is none. Traffic goes to loopback only, and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-7391}
HEAP=${HEAP:-256m}
RESULT_CACHE=${RESULT_CACHE:-1000}   # 0: every search is computed (the uncached figure)
DATA=${ATTACK_KB_DATA:-../shared/data}
INDEX=target/bench-index
JAR=target/attack-kb.jar

command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }
[ -f "$JAR" ] || mvn -B -q package -DskipTests
[ -f "$INDEX/CURRENT" ] || java -jar "$JAR" index --data "$DATA" --index "$INDEX" >/dev/null

java -Xmx"$HEAP" -jar "$JAR" serve --index "$INDEX" --port "$PORT" --result-cache "$RESULT_CACHE" > target/bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 0.1
done

echo "warming up (10 s)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s src/bench/mix.lua "http://127.0.0.1:$PORT" >/dev/null

echo "healthz: $DURATION, $CONNECTIONS connections"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s src/bench/health.lua "http://127.0.0.1:$PORT/healthz" | grep BENCH
echo "search mix ($(grep -c . src/bench/queries.txt) queries): $DURATION, $CONNECTIONS connections"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s src/bench/mix.lua "http://127.0.0.1:$PORT" | grep BENCH

echo "server peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$SERVER/status)"
echo "server RSS now: $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$SERVER/status)"
