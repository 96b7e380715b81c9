-- wrk script: GET each path of $BENCH_PATHS (one path and query per line) in turn.
-- Usage: BENCH_PATHS=benchmarks/search-mix.txt wrk -t2 -c16 -d10s -s benchmarks/wrk-paths.lua http://127.0.0.1:8080
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if line:match("%S") then paths[#paths + 1] = line end
end
local next_path = 0
function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end
