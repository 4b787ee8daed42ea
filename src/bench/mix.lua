-- wrk script: each thread walks the request paths in $ATTACK_KB_QUERIES (default src/bench/queries.txt) in order.
-- With $ATTACK_KB_THREADS set (load.sh's long tail), thread i of n starts at line i/n of the file plus
-- $ATTACK_KB_SKIP, so the threads' walks do not overlap and a run goes on where the previous one stopped: no path
-- repeats until the file is used up. Without it, each thread starts at a random line (the mix).
-- With $ATTACK_KB_STATUSES set, non-2xx responses are also counted by status code (summary.lua prints them).
local paths = {}
for line in io.lines(os.getenv("ATTACK_KB_QUERIES") or "src/bench/queries.txt") do
  if line ~= "" then paths[#paths + 1] = line end
end

bench_threads = {}
function setup(thread)
  thread:set("id", #bench_threads)
  bench_threads[#bench_threads + 1] = thread
end

local counter = 0
statuses = {}
function init(args)
  local threads = tonumber(os.getenv("ATTACK_KB_THREADS") or "")
  if threads then
    counter = (math.floor(id * #paths / threads) + tonumber(os.getenv("ATTACK_KB_SKIP") or "0")) % #paths
  else
    counter = math.random(#paths)
  end
  -- wrk skips reading headers and bodies when there is no response function: keep the mix as cheap as before.
  if not os.getenv("ATTACK_KB_STATUSES") then response = nil end
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function response(status, headers, body)
  if status < 200 or status > 299 then statuses[status] = (statuses[status] or 0) + 1 end
end

dofile("src/bench/summary.lua")
