-- The summary line all wrk scripts print, which load.sh greps for: errors are socket errors (connect, read, write,
-- timeout), non2xx is wrk's count of responses with status >= 400. Scripts that count statuses per code (mix.lua
-- with $ATTACK_KB_STATUSES) also print a BENCH_STATUSES line when there were any other than 2xx.
function done(summary, latency, requests)
  io.write(string.format("BENCH requests=%d errors=%d non2xx=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  local counts, codes = {}, {}
  for _, thread in ipairs(bench_threads or {}) do
    for status, n in pairs(thread:get("statuses") or {}) do
      if not counts[status] then codes[#codes + 1] = status end
      counts[status] = (counts[status] or 0) + n
    end
  end
  if #codes > 0 then
    table.sort(codes)
    local parts = {}
    for _, status in ipairs(codes) do parts[#parts + 1] = status .. "=" .. counts[status] end
    io.write("BENCH_STATUSES " .. table.concat(parts, " ") .. "\n")
  end
end
