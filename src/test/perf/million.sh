#!/usr/bin/env bash
# The issue's checks at a million households, run as an integrating system and a policy officer would run them, on the
# packaged app started as the container image starts it in a 1.5 GiB pod (-XX:+UseParallelGC -Xmx768m), both cores
# deciding (INSON_BATCH_PARALLELISM=2, INSON_IMPACT_PARALLELISM=2), on a throw-away embedded PostgreSQL (or, with
# QUARKUS_DATASOURCE_JDBC_URL and its _USERNAME and _PASSWORD set, on that server, in an empty database):
#   1. dry batches (persist=false&detail=decision) of 100,000 lines twice, then of 1,000,000 lines with line 500,000's
#      region set to ATLANTIS: the rate, resident memory sampled every 5 s, and exactly one problem line, line 500,000;
#   2. 2,000 lines with idempotency keys stored twice: the second try stores nothing;
#   3. the impact of a fresh draft (the subsistence minimum 720,000 -> 760,000, uploaded as 2026.3.0) over 1,000,000
#      stored households: 100,000 generated ones stored by a batch job, copied nine times under new external ids, then
#      the analysis polled every 5 s until DONE.
# 12 to 17 minutes and 3 GB of disk under WORK (default /tmp/inson-million, kept for the next run). Needs psql, curl, bc
# and python3. JAVA_OPTS replaces the JVM options. Usage, from the repository root:  src/test/perf/million.sh [batch] [impact]
# (both when neither is named)
set -euo pipefail
cd "$(dirname "$0")/../../.."
PORT=${PORT:-8093}
WORK=${WORK:-/tmp/inson-million}
BASE="http://localhost:$PORT"
STEPS=" ${*:-batch impact} "
. src/test/perf/service.sh
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests
mkdir -p "$WORK"
seconds() { echo "$(date +%s.%N) - $1" | bc | cut -c1-6; }

if [ ! -s "$WORK/pop1m.ndjson" ]; then
  java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*' uz.inson.assess.population.PopulationGenerator \
    --households 1000000 --seed 7 --out "$WORK/pop1m.ndjson"
fi
head -n 100000 "$WORK/pop1m.ndjson" > "$WORK/pop100k.ndjson"

LOG="$WORK/service.log"
START=$(date +%s.%N)
# shellcheck disable=SC2086 # the options are words
INSON_BATCH_PARALLELISM=2 INSON_IMPACT_PARALLELISM=2 start_service target/quarkus-app "$PORT" "$LOG" ${JAVA_OPTS--XX:+UseParallelGC -Xmx768m}
APP=$SERVICE_PID
SAMPLER=
trap 'kill $APP $SAMPLER 2>/dev/null || true' EXIT
wait_ready "$PORT" "$APP" "$LOG"
echo "ready after $(seconds "$START") s"
sql() { service_psql "$LOG" -tAc "$1"; }
KEY=$(api_key "$PORT" million)

# resident memory every 5 s while a step runs; prints its lowest and highest
sample_start() { : > "$WORK/rss"; while :; do echo $(( $(ps -o rss= -p $APP) / 1024 )) >> "$WORK/rss"; sleep 5; done & SAMPLER=$!; }
sample_stop() { kill $SAMPLER; wait $SAMPLER 2>/dev/null || true; SAMPLER=; sort -n "$WORK/rss" | sed -n '1p;$p' | paste -sd- | sed 's/$/ MB/'; }

dry() { # file: streams it through a dry decision batch; prints lines/s, resident memory and the problem lines
  local lines t0 took
  lines=$(wc -l < "$1")
  sample_start
  t0=$(date +%s.%N)
  curl -s -X POST "$BASE/api/v1/assessments/batch?persist=false&detail=decision" -H "X-API-Key: $KEY" \
    -H 'Content-Type: application/x-ndjson' -T "$1" -o "$WORK/answers.ndjson"
  took=$(seconds "$t0")
  echo "  $lines lines in $took s = $(echo "$lines / $took" | bc)/s; resident memory $(sample_stop)"
  echo "  answer lines: $(wc -l < "$WORK/answers.ndjson"), results: $(grep -c '"result"' "$WORK/answers.ndjson"), problems: $(grep -c '"problem"' "$WORK/answers.ndjson" || true)"
  grep '"problem"' "$WORK/answers.ndjson" | cut -c1-300 | sed 's/^/    /' || true
}
if [[ $STEPS == *" batch "* ]]; then
  sed '500000s/"region":"[A-Z_]*"/"region":"ATLANTIS"/' "$WORK/pop1m.ndjson" > "$WORK/pop1m-bad.ndjson"
  head -n 2000 "$WORK/pop1m.ndjson" | awk '{ print "{\"id\":\"line-" NR "\",\"idempotencyKey\":\"million-" NR "\"," substr($0, 2) }' \
    > "$WORK/keyed2k.ndjson"
  echo "1. dry batches, detail=decision"
  dry "$WORK/pop100k.ndjson"
  dry "$WORK/pop100k.ndjson"
  dry "$WORK/pop1m-bad.ndjson"

  echo "2. 2,000 keyed lines stored, then sent again"
  before=$(sql "select count(*) from assessment")
  for try in 1 2; do
    curl -s -X POST "$BASE/api/v1/assessments/batch?detail=decision" -H "X-API-Key: $KEY" \
      -H 'Content-Type: application/x-ndjson' -T "$WORK/keyed2k.ndjson" -o "$WORK/keyed.ndjson"
    echo "  try $try: $(grep -c '"result"' "$WORK/keyed.ndjson") results, $(grep -c '"alreadyStored":true' "$WORK/keyed.ndjson" || true) already stored; assessments stored by the tries so far: $(( $(sql "select count(*) from assessment") - before ))"
  done
fi

[[ $STEPS == *" impact "* ]] || exit 0
echo "3. impact of a fresh draft over 1,000,000 stored households"
t0=$(date +%s.%N)
JOB=$(curl -s -X POST "$BASE/api/v1/batch-jobs?detail=decision" -H "X-API-Key: $KEY" -H 'Content-Type: application/x-ndjson' \
  -T "$WORK/pop100k.ndjson" | json 'd["id"]')
while :; do
  STATUS=$(curl -s "$BASE/api/v1/batch-jobs/$JOB" -H "X-API-Key: $KEY" | json 'd["status"]')
  case $STATUS in DONE) break ;; RECEIVING | RUNNING) sleep 2 ;; *) echo "  the batch job ended $STATUS" >&2; exit 1 ;; esac
done
echo "  100,000 households uploaded and stored by a batch job in $(seconds "$t0") s"
t0=$(date +%s.%N)
sql "insert into assessment (id, assessed_at, as_of, external_id, region, district, rule_set_id, rule_set_version,
    rule_set_hash, language, risk_level, case_path, service_codes, monthly_cash_uzs, engine_build, duration_micros, request,
    result, assessed_by)
  select gen_random_uuid(), assessed_at, as_of, external_id || '-c' || n, region, district, rule_set_id, rule_set_version,
    rule_set_hash, language, risk_level, case_path, service_codes, monthly_cash_uzs, engine_build, duration_micros,
    jsonb_set(request, '{household,externalId}', to_jsonb(external_id || '-c' || n)), result, assessed_by
  from assessment a, generate_series(1, 9) n where a.batch_id = '$JOB'" > /dev/null
echo "  copied nine times in $(seconds "$t0") s: $(sql "select count(distinct external_id) from assessment") households stored"
java -cp 'target/quarkus-app/lib/main/*' src/test/perf/SetParameter.java decision-tables/parameters.drl.xlsx \
  "$WORK/parameters.drl.xlsx" MSL 720000 760000 | sed 's/^/  /'
POLICY=$(policy_token "$PORT")
DRAFT=$(curl -s -X POST "$BASE/api/v1/rule-sets" -H "Authorization: Bearer $POLICY" -F files=@"$WORK/parameters.drl.xlsx" \
  -F version=2026.3.0 -F 'changeNote=Subsistence minimum 760,000 (benchmark)' | json 'd["id"]')
sample_start
t0=$(date +%s.%N)
JOB=$(curl -s -X POST "$BASE/api/v1/rule-sets/$DRAFT/impact" -H "Authorization: Bearer $POLICY" | json 'd["jobId"]')
while :; do
  REPORT=$(curl -s "$BASE/api/v1/impact-jobs/$JOB" -H "Authorization: Bearer $POLICY")
  STATUS=$(echo "$REPORT" | json 'd["progress"]["status"]')
  [ "$STATUS" = RUNNING ] || break
  echo "$REPORT" | json '"  {:>3} % of {} households, {} s left".format(d["progress"]["percent"], d["progress"]["total"], d["progress"].get("etaSeconds", "?"))'
  sleep 5
done
echo "  $STATUS $(seconds "$t0") s after the POST; resident memory $(sample_stop)"
echo "$REPORT" | json '"  {} households affected, {:,} UZS a month more; risk levels changed: {}".format(d["affectedHouseholds"],
  d["monthlyCashChangeUzs"], {k: v for k, v in d["riskLevelTransitions"].items() if k.split("→")[0] != k.split("→")[1]})'
[ "$STATUS" = DONE ]
