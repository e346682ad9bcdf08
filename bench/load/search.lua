-- wrk script: GET /api/search with shoppers' queries, English and Chinese mixed (one query per line of QUERIES,
-- default bench/load/queries.txt), cycling; wrk's two threads start half the list apart, so a stream of distinct
-- queries (run-load.sh's cold stream) does not repeat within a run shorter than the list. At the end it prints the
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

-- DETAILS=true asks for every result's match details ("why it matched"), as the API answered before they were optional.
local details = os.getenv("DETAILS") == "true" and "&details=true" or ""
local paths = {}
for i, q in ipairs(queries) do
  paths[i] = "/api/search?k=20" .. details .. "&q=" .. encode(q)
end

local next_index = 0
local counter = 0

function setup(thread)
  statuses_lib.setup(thread)
  counter = counter + 1
  thread:set("offset", (counter - 1) * math.floor(#paths / 2))
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
