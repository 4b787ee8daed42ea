-- wrk script: each connection walks the query mix in src/bench/queries.txt, round robin from a random start.
local paths = {}
for line in io.lines(os.getenv("ATTACK_KB_QUERIES") or "src/bench/queries.txt") do
  if line ~= "" then paths[#paths + 1] = line end
end

local counter = 0
function init(args)
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function done(summary, latency, requests)
  io.write(string.format("BENCH requests=%d errors=%d non2xx=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
