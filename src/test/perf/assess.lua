-- wrk script: POSTs the DESIGN §4 household (src/test/perf/household.json) to /api/v1/assessments as an integrating
-- system (API_KEY from benchmark.sh).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("API_KEY")
local f = io.open(os.getenv("HOUSEHOLD") or "src/test/perf/household.json", "r")
wrk.body = f:read("*a")
f:close()

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (non-2xx %d), p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
