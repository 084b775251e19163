-- wrk script: POST a streamed chat completion with a sampled W3C traceparent (a new trace id per request), as an
-- agent that traces sends it; BODY_FILE names the JSON body
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = io.open(os.getenv("BODY_FILE"), "r")
wrk.body = file:read("*a")
file:close()
local hex = "0123456789abcdef"
local function id(n)
  local t = {}
  for i = 1, n do
    local k = math.random(1, 16)
    t[i] = hex:sub(k, k)
  end
  return table.concat(t)
end
request = function()
  wrk.headers["traceparent"] = "00-" .. id(32) .. "-" .. id(16) .. "-01"
  return wrk.format()
end
