-- wrk script: POST /orders, each request for another car (one id per line in $BENCH_CAR_IDS), under
-- its own Idempotency-Key. Thread k of $BENCH_THREADS (wrk -t) takes ids k, k+N, k+2N, ... so no
-- two requests share a car.
-- Usage: BENCH_CAR_IDS=ids.txt BENCH_THREADS=2 BENCH_RUN=r1 wrk -t2 -c16 -d10s -s wrk-orders.lua http://127.0.0.1:8080
local next_tid = 0
function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
end
function init(args)
  ids = {}
  for line in io.lines(os.getenv("BENCH_CAR_IDS")) do ids[#ids + 1] = line end
  step = tonumber(os.getenv("BENCH_THREADS"))
  i = tid + 1
  run = os.getenv("BENCH_RUN")
end
function request()
  local id = assert(ids[i], "out of car ids")
  i = i + step
  local body = '{"carId":"' .. id .. '","customer":{"fullName":"Bench Buyer","email":"bench@example.com",'
    .. '"phone":"+4915112345678"},"deliveryOption":"PICKUP"}'
  return wrk.format("POST", "/orders", {["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-" .. run .. "-" .. id}, body)
end
