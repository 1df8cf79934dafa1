-- wrk script for bench/pages.py: sends an Accept header, optionally follows `next` links (keyset pagination of
-- the claims table and its JSON twin), and prints one machine-readable line of figures at the end.
local accept = os.getenv("WRK_ACCEPT") or "text/html"
local follow = os.getenv("WRK_FOLLOW") == "1"
local max_pages = 20 -- then start again from the first page
local start_path = nil
local path = nil
local pages = 0

init = function(args)
  start_path = wrk.path
  path = wrk.path
end

request = function()
  return wrk.format("GET", path, { ["Accept"] = accept })
end

if follow then
  response = function(status, headers, body)
    local nxt = nil
    if status == 200 then
      nxt = body:match('"next"%s*:%s*"([^"]+)"') or body:match('href="([^"]+)" rel="next"')
    end
    if nxt and pages < max_pages then
      nxt = nxt:gsub("^https?://[^/]+", ""):gsub("&amp;", "&"):gsub("\\u0026", "&")
      path = nxt
      pages = pages + 1
    else
      path = start_path
      pages = 0
    end
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "errors_status": %d, "errors_connect": %d, "errors_read": %d, ' ..
    '"errors_write": %d, "errors_timeout": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
