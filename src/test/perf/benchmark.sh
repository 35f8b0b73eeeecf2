#!/usr/bin/env bash
# Measures the packaged app: time to ready, rule-set compile time, and assessment latency after warm-up.
# Needs wrk (apt-get install wrk). Usage, from the repository root:  src/test/perf/benchmark.sh
# On a throw-away embedded PostgreSQL; with QUARKUS_DATASOURCE_JDBC_URL (and _USERNAME, _PASSWORD) set, on that server, as
# in production: give it an empty database (the service imports the repository's rule set only into an empty one).
# The JVM runs with the container image's collector (JAVA_OPTS, default -XX:+UseParallelGC; JAVA_OPTS= for the JVM's own
# choice, G1 on this machine).
set -euo pipefail
cd "$(dirname "$0")/../../.."
PORT=${PORT:-8089}
. src/test/perf/service.sh
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests
LOG=$(mktemp)
START=$(date +%s.%N)
# shellcheck disable=SC2086 # the options are words
start_service target/quarkus-app "$PORT" "$LOG" ${JAVA_OPTS--XX:+UseParallelGC}
APP=$SERVICE_PID
trap 'kill $APP 2>/dev/null; rm -f "$LOG"' EXIT
wait_ready "$PORT" "$APP" "$LOG"
echo "ready after $(echo "$(date +%s.%N) - $START" | bc | cut -c1-5) s"
grep -oE "(started in [0-9.]+s|compiled in [0-9]+ ms)" "$LOG" | sed 's/^/  /'
# the load comes from an integrating system
API_KEY=$(api_key "$PORT" benchmark)
export API_KEY
URL="http://localhost:$PORT/api/v1/assessments"
echo "warm-up until the JIT compiler is quiet (20 s rounds, 8 connections, stored and dry runs):"
warm_up "$APP" "$URL" "$URL?persist=false"
echo "one client (60 s):";               wrk -t1 -c1 -d60s -s src/test/perf/assess.lua "$URL" | tail -1
echo "four clients (30 s):";             wrk -t2 -c4 -d30s -s src/test/perf/assess.lua "$URL" | grep -E "Requests/sec|^requests"
echo "eight clients (30 s):";            wrk -t2 -c8 -d30s -s src/test/perf/assess.lua "$URL" | grep -E "Requests/sec|^requests"
echo "eight clients, persist=false (30 s):"; wrk -t2 -c8 -d30s -s src/test/perf/assess.lua "$URL?persist=false" | grep -E "Requests/sec|^requests"
echo "rules + explanations per assessment, as stored (duration_micros of the last 90 s): count | p50 | p99"
service_psql "$LOG" -tAc "select count(*), round(percentile_cont(0.5) within group (order by duration_micros)), round(percentile_cont(0.99) within group (order by duration_micros)) from assessment where assessed_at > now() - interval '90 seconds'"
echo "resident memory: $(( $(ps -o rss= -p $APP) / 1024 )) MB"

# Impact analysis over the stored population: the DESIGN household's last stored assessment copied as IMPACT_HOUSEHOLDS households with
# wages from 0 to 3,900,000, then the version in force compared with itself (the work is the same as for a draft)
N=${IMPACT_HOUSEHOLDS:-100000}
service_psql "$LOG" -qc "insert into assessment (id, assessed_at, as_of, external_id, region, district,
    rule_set_id, rule_set_version, rule_set_hash, language, risk_level, case_path, duration_micros, request, result, assessed_by)
  select gen_random_uuid(), now(), as_of, 'BENCH-' || g, region, district, rule_set_id, rule_set_version, rule_set_hash, language,
    risk_level, case_path, duration_micros,
    jsonb_set(jsonb_set(request, '{household,externalId}', to_jsonb('BENCH-' || g)), '{household,monthlyIncome,wages}', to_jsonb((g % 40) * 100000)),
    result, assessed_by
  from (select * from assessment where external_id = 'SP-1703-000123' order by assessed_at desc limit 1) a, generate_series(1, $N) g"
POLICY=$(policy_token "$PORT")
ACTIVE=$(curl -s "localhost:$PORT/api/v1/rule-sets" -H "Authorization: Bearer $POLICY" \
  | json 'next(v["id"] for v in d["items"] if v["status"] == "ACTIVE")')
T0=$(date +%s.%N)
JOB=$(curl -s -X POST "localhost:$PORT/api/v1/rule-sets/$ACTIVE/impact" -H "Authorization: Bearer $POLICY" | json 'd["jobId"]')
# polled until it ends, for at most 20 minutes: a job that fails, is cancelled or never ends is reported, not waited for
STATUS=RUNNING
for _ in $(seq 1200); do
  STATUS=$(curl -s "localhost:$PORT/api/v1/impact-jobs/$JOB" -H "Authorization: Bearer $POLICY" | json 'd["progress"]["status"]')
  [ "$STATUS" = RUNNING ] || break
  sleep 1
done
T1=$(date +%s.%N)
[ "$STATUS" = DONE ] || { echo "impact analysis: $STATUS after $(echo "$T1 - $T0" | bc | cut -c1-6) s"; exit 1; }
TOTAL=$(curl -s "localhost:$PORT/api/v1/impact-jobs/$JOB" -H "Authorization: Bearer $POLICY" | json 'd["progress"]["total"]')
echo "impact analysis: $TOTAL households in $(echo "$T1 - $T0" | bc | cut -c1-6) s = $(echo "$TOTAL / ($T1 - $T0)" | bc) households/s"
echo "resident memory after the impact analysis: $(( $(ps -o rss= -p $APP) / 1024 )) MB"
# HTTP again with households of every kind (PopulationGenerator, seed 42): each request the next of 10,000; last, so
# that the impact analysis above counted only the DESIGN household's copies
HOUSEHOLDS=$(mktemp --suffix=.ndjson)
trap 'kill $APP 2>/dev/null; rm -f "$LOG" "$HOUSEHOLDS"' EXIT
java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*' uz.inson.assess.population.PopulationGenerator \
  --households 10000 --seed 42 --out "$HOUSEHOLDS"
export HOUSEHOLDS
echo "warm-up with them (other rows fire, so the JIT compiler has more to do):"
warm_up "$APP" "$URL" "$URL?persist=false"
echo "eight clients, 10,000 generated households (30 s):"; wrk -t2 -c8 -d30s -s src/test/perf/assess.lua "$URL" | grep -E "Requests/sec|^requests"
echo "eight clients, 10,000 generated households, persist=false (30 s):"
wrk -t2 -c8 -d30s -s src/test/perf/assess.lua "$URL?persist=false" | grep -E "Requests/sec|^requests"
