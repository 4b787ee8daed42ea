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

dofile("src/bench/summary.lua")
