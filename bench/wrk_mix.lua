-- wrk script for bench/load.py: each request takes the next path of WRK_PATHS (one per line), JSON twins with an
-- Accept: application/json header, and one machine-readable line of figures is printed at the end.
local paths = {}
for p in (os.getenv("WRK_PATHS") or "/"):gmatch("[^\n]+") do
  table.insert(paths, p)
end
local i = 0

init = function(args)
  i = math.random(0, #paths - 1) -- threads start at different places in the mix
end

request = function()
  i = i + 1
  local p = paths[(i % #paths) + 1]
  local accept = p:find("^/api/") and "application/json" or "text/html"
  return wrk.format("GET", p, { ["Accept"] = accept })
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "errors_status": %d, "errors_connect": %d, "errors_read": %d, ' ..
    '"errors_write": %d, "errors_timeout": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
