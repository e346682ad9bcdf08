-- Shared by the wrk scripts: counts responses by status code in every thread and prints the totals at the end
-- ("status 200: N", "status 429: N", ...), plus the 5xx total.
local M = {}
local threads = {}
statuses = {}

function M.setup(thread)
  threads[#threads + 1] = thread
end

function M.response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function M.done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for status, n in pairs(counts) do
      totals[status] = (totals[status] or 0) + n
    end
  end
  local server_errors = 0
  local codes = {}
  for status, n in pairs(totals) do
    codes[#codes + 1] = status
    if status >= 500 then
      server_errors = server_errors + n
    end
  end
  table.sort(codes)
  for _, status in ipairs(codes) do
    io.write(string.format("status %d: %d\n", status, totals[status]))
  end
  io.write(string.format("5xx: %d\n", server_errors))
  io.write(string.format("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end

return M
