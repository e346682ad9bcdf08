-- wrk script: the text searches of search.lua, with every PHOTO_EVERY-th request (default 5) a photo search,
-- POST /api/search/image with one of the JPEGs listed in PHOTOS (comma-separated) as multipart/form-data. The photo
-- endpoint checks an antiforgery token: run-load.sh fetches one from GET /api/antiforgery and passes it in
-- ANTIFORGERY_HEADER (header name), ANTIFORGERY_TOKEN and ANTIFORGERY_COOKIE ("name=value").
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

local boundary = "m6loadboundary7d1f"
local photo_bodies = {}
for path in string.gmatch(os.getenv("PHOTOS") or "", "[^,]+") do
  local file = assert(io.open(path, "rb"))
  local bytes = file:read("*a")
  file:close()
  photo_bodies[#photo_bodies + 1] = "--" .. boundary .. "\r\n"
    .. "Content-Disposition: form-data; name=\"image\"; filename=\"photo.jpg\"\r\n"
    .. "Content-Type: image/jpeg\r\n\r\n" .. bytes .. "\r\n--" .. boundary .. "--\r\n"
end
assert(#photo_bodies > 0, "PHOTOS lists no JPEG files")

local photo_headers = {
  ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
  ["Cookie"] = os.getenv("ANTIFORGERY_COOKIE"),
  [os.getenv("ANTIFORGERY_HEADER") or "X-XSRF-TOKEN"] = os.getenv("ANTIFORGERY_TOKEN"),
}
local photo_every = tonumber(os.getenv("PHOTO_EVERY") or "5")

local next_index = 0
local sent = 0
local counter = 0

function setup(thread)
  statuses_lib.setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 37)
end

function init(args)
  next_index = (tonumber(offset) or 0) % #queries
end

function request()
  sent = sent + 1
  if sent % photo_every == 0 then
    return wrk.format("POST", "/api/search/image?k=20" .. details, photo_headers, photo_bodies[sent % #photo_bodies + 1])
  end
  next_index = next_index % #queries + 1
  return wrk.format("GET", "/api/search?k=20" .. details .. "&q=" .. encode(queries[next_index]))
end

response = statuses_lib.response
done = statuses_lib.done
