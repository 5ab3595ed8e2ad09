-- One bench scenario for wrk. Configured from the environment by bench/run.py:
--   BENCH_TOKEN   bearer token (empty: no Authorization header)
--   BENCH_SCHEME  the Authorization scheme (default Bearer; the stock-DRF peer's is Token)
--   BENCH_COOKIE  a Cookie header (a dashboard session), sent as given
--   BENCH_ACCEPT  the Accept header (default application/json; text/html for the dashboard)
--   BENCH_METHOD  GET (default) or POST
--   BENCH_POST    what a POST sends: "lead" (default; a unique email and phone per request)
--                 or "payment" (1.00 as a credit, reference "bench-payment")
--   BENCH_PATHS   comma-separated paths: each request goes to one of them at random
--   BENCH_RUN_ID  makes POSTed emails unique across runs
-- Prints one line "BENCH_JSON {...}" with the counts, latency percentiles (microseconds)
-- and the status codes seen, which bench/run.py parses.

local token = os.getenv("BENCH_TOKEN") or ""
local method = os.getenv("BENCH_METHOD") or "GET"
local run_id = os.getenv("BENCH_RUN_ID") or "0"
local scheme = os.getenv("BENCH_SCHEME") or "Bearer"
local cookie = os.getenv("BENCH_COOKIE") or ""
local post = os.getenv("BENCH_POST") or "lead"
local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS") or "", "[^,]+") do
  table.insert(paths, path)
end

wrk.headers["Accept"] = os.getenv("BENCH_ACCEPT") or "application/json"
if token ~= "" then
  wrk.headers["Authorization"] = scheme .. " " .. token
end
if cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
if method == "POST" then
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

local threads = {}
function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

counter = 0
statuses = {}
math.randomseed(os.time() + tonumber(run_id:gsub("%D", ""):sub(-6) or "0") or 0)

function request()
  local path = nil
  if #paths > 0 then
    path = paths[math.random(1, #paths)]
  end
  if method ~= "POST" then
    if path then
      return wrk.format(nil, path)
    end
    return wrk.request()
  end
  if post == "payment" then
    return wrk.format(nil, path, nil,
      '{"amount":"1.00","as_credit":true,"method":"bank_transfer","reference":"bench-payment"}')
  end
  counter = counter + 1
  local tag = string.format("%s-%d-%d", run_id, thread_id or 0, counter)
  -- A phone of its own too: one shared number made every lead after the first a duplicate
  -- (the 409 of #17's duplicate check), so the scenario measured 409s.
  local phone = string.format("+4477%08d", math.random(0, 99999999))
  local body = string.format(
    '{"name":"Bench Lead %s","email":"lead-%s@lead.bench.invalid",'
      .. '"phone":"%s","notes":"From the benchmark","tags":["bench"]}',
    tag, tag, phone)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    local seen = thread:get("statuses")
    for status, n in pairs(seen) do
      counts[status] = (counts[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(counts) do
    table.insert(parts, string.format('"%d":%d', status, n))
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"mean_us":%.1f,'
      .. '"p50_us":%d,"p90_us":%d,"p95_us":%d,"p99_us":%d,"max_us":%d,'
      .. '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"statuses":{%s}}\n',
    summary.requests, summary.duration, summary.bytes, latency.mean,
    latency:percentile(50), latency:percentile(90), latency:percentile(95),
    latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.timeout, table.concat(parts, ",")))
end
