-- wrk script: POSTs the DESIGN §4 household (src/test/perf/household.json) to /api/v1/assessments as an integrating
-- system (API_KEY from benchmark.sh). With KEYED=1 every request carries an Idempotency-Key of its own.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("API_KEY")
local f = io.open(os.getenv("HOUSEHOLD") or "src/test/perf/household.json", "r")
wrk.body = f:read("*a")
f:close()

if os.getenv("KEYED") == "1" then
  local threads = 0
  setup = function(thread)
    threads = threads + 1
    thread:set("prefix", string.format("wrk-%d-%d-", os.time(), threads))
  end
  local sent = 0
  request = function()
    sent = sent + 1
    wrk.headers["Idempotency-Key"] = prefix .. sent
    return wrk.format()
  end
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (non-2xx %d), p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
