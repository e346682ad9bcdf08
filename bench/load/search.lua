-- wrk script: GET /api/search with shoppers' queries, English and Chinese mixed (one query per line of QUERIES,
-- default bench/load/queries.txt), cycling; each connection starts at a different query. At the end it prints the
-- responses by status code, so that 429s (the rate limiter) and 5xx are counted apart from other errors.
-- Run from the repository root:  wrk -t2 -c64 -d60s --latency -s bench/load/search.lua http://127.0.0.1:5080
local statuses_lib = require("bench/load/statuses")

local queries = {}
for line in io.lines(os.getenv("QUERIES") or "bench/load/queries.txt") do
  if #line > 0 then
    queries[#queries + 1] = line
  end
end

local function encode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local paths = {}
for i, q in ipairs(queries) do
  paths[i] = "/api/search?k=20&q=" .. encode(q)
end

local next_index = 0
local counter = 0

function setup(thread)
  statuses_lib.setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 37)
end

function init(args)
  next_index = (tonumber(offset) or 0) % #paths
end

function request()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end

response = statuses_lib.response
done = statuses_lib.done
