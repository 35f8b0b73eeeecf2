#!/usr/bin/env bash
# Measures the packaged app: time to ready, rule-set compile time, and assessment latency after warm-up.
# Needs wrk (apt-get install wrk). Usage, from the repository root:  src/test/perf/benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
PORT=${PORT:-8089}
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests
LOG=$(mktemp)
START=$(date +%s.%N)
# an empty data directory: a throw-away embedded PostgreSQL, a throw-away signing key, and a first admin (no demo users
# in the production profile)
INSON_AUTH_BOOTSTRAP_ADMIN_PASSWORD=benchmark-admin-password \
  java -Dquarkus.http.port="$PORT" -Dinson.embedded-postgres.data-directory= -Dinson.auth.key-directory= \
  -jar target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; rm -f "$LOG"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/q/health/ready")" = 200 ]; do sleep 0.1; done
echo "ready after $(echo "$(date +%s.%N) - $START" | bc | cut -c1-5) s"
grep -oE "(started in [0-9.]+s|compiled in [0-9]+ ms)" "$LOG" | sed 's/^/  /'
# the load comes from an integrating system: an API key with a limit well above what this machine can serve
ADMIN=$(curl -s -X POST "localhost:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"benchmark-admin-password"}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
API_KEY=$(curl -s -X POST "localhost:$PORT/api/v1/api-keys" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"name\":\"benchmark\",\"roles\":[\"integration-client\"],\"expiresAt\":\"$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)\",\"requestsPerMinute\":1000000}" \
  | sed -E 's/.*"key":"([^"]+)".*/\1/')
export API_KEY
URL="http://localhost:$PORT/api/v1/assessments"
echo "warm-up (30 s, 2 connections):";  wrk -t1 -c2 -d30s -s src/test/perf/assess.lua "$URL" | tail -1
echo "one client (60 s):";               wrk -t1 -c1 -d60s -s src/test/perf/assess.lua "$URL" | tail -1
echo "four clients (30 s):";             wrk -t2 -c4 -d30s -s src/test/perf/assess.lua "$URL" | grep -E "Requests/sec|^requests"
DB_PORT=$(grep -oE "embedded PostgreSQL on port [0-9]+" "$LOG" | grep -oE "[0-9]+$")
echo "rules + explanations per assessment, as stored (duration_micros of the last 90 s): count | p50 | p99"
psql -h localhost -p "$DB_PORT" -U postgres -d postgres -tAc "select count(*), round(percentile_cont(0.5) within group (order by duration_micros)), round(percentile_cont(0.99) within group (order by duration_micros)) from assessment where assessed_at > now() - interval '90 seconds'"
echo "resident memory: $(( $(ps -o rss= -p $APP) / 1024 )) MB"
