#!/usr/bin/env bash
# Load benchmark: a running attack-kb server on 127.0.0.1, /healthz (the HTTP floor of this stack) and /api/search,
# each with wrk, alternating for ROUNDS rounds after a warm-up (WARMUP, 10 s). Prints req/s, p50/p99 and errors of each run,
# the medians, the ratio of search req/s to /healthz req/s, and the server's peak RSS (VmHWM).
#
#   src/bench/load.sh                      # MODE=longtail: 20 s each at 32 connections, result cache off
#   MODE=titles src/bench/load.sh          # whole names only (finished queries, as pasted rule titles), cache off
#   DURATION=60s src/bench/load.sh         # the issue's memory figure: peak RSS after 60 s of the long tail
#   ROUNDS=3 DURATION=10s src/bench/load.sh
#   WARMUP=60s src/bench/load.sh          # steady state: the JIT compilers keep one of two processors busy for up
#                                          # to a minute of load, so after 10 s the server may still be warming up
#   MODE=mix src/bench/load.sh             # the 40-query mix (src/bench/queries.txt), result cache on (256)
#   MODE=mix RESULT_CACHE=0 src/bench/load.sh
#   RELEASE=16.1 src/bench/load.sh          # the same searches of an older release the index holds (release=16.1)
#
# MODE=longtail sends the long tail of distinct searches (src/bench/longtail.py writes target/bench-longtail.txt
# from $ATTACK_KB_BENCH_QUERIES, default ../shared/bench/atomic-names.jsonl) with the result cache off: each wrk
# thread walks the file from its own offset and every run (warm-up included) goes on where the last one stopped, so
# no path repeats until all have been sent; the summary says how many were sent against how many there are.
# Each run also reports the server's CPU time per request (user + system, from /proc), which a busy machine does not skew.
# Errors are never hidden: socket errors, non-2xx (wrk counts >= 400) and, for search, the count per status code.
#
# Variables: MODE (longtail|titles|mix), DURATION (20s), WARMUP (10s), ROUNDS (1), CONNECTIONS (32), THREADS (1: wrk's threads for
# the 32 connections; one drives /healthz as fast as two here, and on a two-processor machine a second takes CPU from the
# server it measures, which then did 20-45% fewer searches a second at a higher CPU cost each), PORT (7391), INDEX
# (target/bench-index: another index, e.g. one an older build wrote, for comparing builds),
# RESULT_CACHE (0 for longtail, 256 for mix), RELEASE (none: the current release). The server is started as
# $SERVER_CMD if set (e.g. SERVER_CMD="java -Xmx128m -jar target/attack-kb.jar serve"), else bin/attack-kb serve if that launcher exists,
# else java -Xmx$HEAP (256m) -jar target/attack-kb.jar serve; load.sh appends --index, --port and --result-cache.
#
# Needs wrk (Debian package "wrk"), python3 and the jar (mvn -B package). Builds the index from $ATTACK_KB_DATA
# (default ../shared/data) into target/bench-index if there is none. Traffic goes to loopback only, and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/../.."

MODE=${MODE:-longtail}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
ROUNDS=${ROUNDS:-1}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
PORT=${PORT:-7391}
HEAP=${HEAP:-256m}
DATA=${ATTACK_KB_DATA:-../shared/data}
INDEX=${INDEX:-target/bench-index}
JAR=target/attack-kb.jar
URL=http://127.0.0.1:$PORT

case "$MODE" in
  longtail) RESULT_CACHE=${RESULT_CACHE:-0}; QUERIES=target/bench-longtail.txt ;;
  titles) RESULT_CACHE=${RESULT_CACHE:-0}; QUERIES=target/bench-titles.txt ;;
  mix) RESULT_CACHE=${RESULT_CACHE:-256}; QUERIES=src/bench/queries.txt ;;
  *) echo "MODE must be longtail, titles or mix, got $MODE" >&2; exit 1 ;;
esac
if [ -n "${SERVER_CMD:-}" ]; then
  read -ra SERVE <<< "$SERVER_CMD"
elif [ -x bin/attack-kb ]; then
  SERVE=(bin/attack-kb serve)
else
  SERVE=(java -Xmx"$HEAP" -jar "$JAR" serve)
fi

command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }
[ -f "$JAR" ] || mvn -B -q package -DskipTests
[ -f "$INDEX/CURRENT" ] || java -jar "$JAR" index --data "$DATA" --index "$INDEX" >/dev/null
[ "$MODE" != longtail ] || src/bench/longtail.py "$QUERIES"
[ "$MODE" != titles ] || WHOLE=1 src/bench/longtail.py "$QUERIES"
if [ -n "${RELEASE:-}" ]; then
  sed "/^\/api\/search/s/\$/\&release=$RELEASE/" "$QUERIES" > "target/bench-queries-$RELEASE.txt"
  QUERIES=target/bench-queries-$RELEASE.txt
fi
if curl -sf "$URL/healthz" >/dev/null; then echo "something already answers on port $PORT: set PORT" >&2; exit 1; fi

echo "server: ${SERVE[*]} --index $INDEX --port $PORT --result-cache $RESULT_CACHE"
"${SERVE[@]}" --index "$INDEX" --port "$PORT" --result-cache "$RESULT_CACHE" > target/bench-server.log 2>&1 &
SERVER=$!
RUNS=$(mktemp)
trap 'kill $SERVER ${JVM:-} 2>/dev/null || true; rm -f "$RUNS"' EXIT
for _ in $(seq 1 300); do
  curl -sf "$URL/healthz" >/dev/null && break
  kill -0 $SERVER 2>/dev/null || { echo "server exited; see target/bench-server.log" >&2; exit 1; }
  sleep 0.1
done
curl -sf "$URL/healthz" >/dev/null || { echo "server not up after 30 s; see target/bench-server.log" >&2; exit 1; }
# A launcher may run java as a child instead of exec-ing it: the RSS wanted is the JVM's.
JVM=$SERVER
while [ "$(cat /proc/"$JVM"/comm)" != java ]; do
  JVM=$(pgrep -P "$JVM" | head -1) || { echo "no java process under the server command" >&2; exit 1; }
done

export ATTACK_KB_QUERIES=$QUERIES
if [ "$MODE" != mix ]; then export ATTACK_KB_THREADS=$THREADS ATTACK_KB_STATUSES=1; fi
SKIP=0
# run NAME DURATION: one wrk run; prints its summary lines and appends them to $RUNS under NAME.
# The server's CPU time so far (user + system), in clock ticks: its cost per request does not depend on how busy
# the rest of this (shared, noisy) machine is, as req/s does.
cpu_ticks() { awk '{print $14 + $15}' /proc/"$JVM"/stat; }
TICKS_PER_S=$(getconf CLK_TCK)

run() {
  local out before
  before=$(cpu_ticks)
  if [ "$1" = healthz ]; then
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency -s src/bench/health.lua "$URL/healthz" | grep BENCH)
  else
    out=$(ATTACK_KB_SKIP=$SKIP wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency -s src/bench/mix.lua "$URL" | grep BENCH)
    local sent
    sent=$(sed -n 's/^BENCH requests=\([0-9]*\).*/\1/p' <<< "$out")
    # Requests still in flight when wrk stops (up to one per connection) were sent too: skip past them.
    SKIP=$((SKIP + (sent + CONNECTIONS + THREADS - 1) / THREADS))
  fi
  local requests cpu_ms
  requests=$(sed -n 's/^BENCH requests=\([0-9]*\).*/\1/p' <<< "$out")
  cpu_ms=$(awk -v t=$(($(cpu_ticks) - before)) -v hz="$TICKS_PER_S" -v n="$requests" 'BEGIN {printf "%.3f", n ? 1000 * t / hz / n : 0}')
  out=$(sed "/^BENCH /s/\$/ cpu_ms=$cpu_ms/" <<< "$out")
  echo "$out" | sed "s/^/  /"
  echo "$out" | sed "s/^/$1 /" >> "$RUNS"
}

echo "warm-up: $WARMUP of $MODE"
run warmup "$WARMUP"
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round/$ROUNDS, healthz: $DURATION, $CONNECTIONS connections"
  run healthz "$DURATION"
  echo "round $round/$ROUNDS, $MODE ($(grep -c . "$QUERIES") distinct paths): $DURATION, $CONNECTIONS connections"
  run "$MODE" "$DURATION"
done

python3 - "$RUNS" "$MODE" "$(grep -c . "$QUERIES")" <<'PY'
import statistics, sys
runs, mode, distinct = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows, statuses = {}, {}
for line in open(runs):
    name, tag, *fields = line.split()
    kv = dict(f.split("=") for f in fields)
    if tag == "BENCH":
        rows.setdefault(name, []).append({k: float(v) for k, v in kv.items()})
    else:
        for code, n in kv.items():
            statuses[(name, code)] = statuses.get((name, code), 0) + int(n)
def line(name):
    r = rows[name]
    med = lambda k: statistics.median(x[k] for x in r)
    errors = sum(x["errors"] for x in r)
    non2xx = sum(x["non2xx"] for x in r)
    codes = " ".join(f"{c}={n}" for (kind, c), n in sorted(statuses.items()) if kind == name)
    print(f"{name:9} median of {len(r)}: {med('rps'):.0f} req/s, p50 {med('p50_ms'):.2f} ms, p99 {med('p99_ms'):.2f} ms,"
          f" server CPU {med('cpu_ms'):.3f} ms/request;"
          f" socket errors {errors:.0f}, non-2xx {non2xx:.0f}" + (f" ({codes})" if codes else ""))
    return med("rps")
warm = rows["warmup"][0]
if warm["errors"] or warm["non2xx"]:
    print(f"warm-up (not in the figures below): socket errors {warm['errors']:.0f}, non-2xx {warm['non2xx']:.0f}")
health = line("healthz")
search = line(mode)
print(f"ratio {mode}/healthz req/s: {search / health:.3f}")
if mode != "mix":
    sent = sum(x["requests"] for name in ("warmup", mode) for x in rows[name])
    print(f"long tail: {sent:.0f} requests sent (warm-up included) of {distinct} distinct paths"
          + (f": at least {sent - distinct:.0f} were repeats" if sent > distinct else ", none repeated"))
PY
echo "server peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$JVM/status)"
echo "server RSS now: $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$JVM/status)"
