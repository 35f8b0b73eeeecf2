-- wrk script: POSTs to /api/v1/assessments as an integrating system (API_KEY from benchmark.sh). The body is the DESIGN
-- §4 household (src/test/perf/household.json, or the file HOUSEHOLD names), or, with HOUSEHOLDS naming an NDJSON file
-- of requests (PopulationGenerator's output), each request the next line of that file, each thread starting at its own
-- line. With KEYED=1 every request carries an Idempotency-Key of its own.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("API_KEY")

local bodies = nil
if os.getenv("HOUSEHOLDS") then
  bodies = {}
  for line in io.lines(os.getenv("HOUSEHOLDS")) do
    if #line > 0 then bodies[#bodies + 1] = line end
  end
  assert(#bodies > 0, "no request in " .. os.getenv("HOUSEHOLDS"))
else
  local f = io.open(os.getenv("HOUSEHOLD") or "src/test/perf/household.json", "r")
  wrk.body = f:read("*a")
  f:close()
end
local keyed = os.getenv("KEYED") == "1"

local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
  thread:set("prefix", string.format("wrk-%d-%d-", os.time(), threads))
end

if bodies or keyed then
  local sent = 0
  request = function()
    sent = sent + 1
    if keyed then wrk.headers["Idempotency-Key"] = prefix .. sent end
    if bodies then
      -- threads start a prime stride apart so that they do not send the same households in step
      return wrk.format(nil, nil, nil, bodies[((id * 7919 + sent) % #bodies) + 1])
    end
    return wrk.format()
  end
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (non-2xx %d), p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
