-- wrk script for the HTTP floor (/healthz): only the shared summary line.
dofile("src/bench/summary.lua")
