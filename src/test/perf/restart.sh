#!/usr/bin/env bash
# How long a restart takes once policy staff have put an uploaded version in force, as every instance the autoscaler
# adds after a policy change does. On the database QUARKUS_DATASOURCE_JDBC_URL names (an empty one: the launch reads the
# version in force only from a configured server, never from the embedded one), a first start imports the repository's
# version; a policy officer uploads the parameters table with NEAR_MISS_INCOME_MARGIN 0.15 -> 0.17 (its scenarios still
# pass; the upload is timed: the compile-on-upload target), an approver approves it and puts it in force. Then each
# build given starts ROUNDS times (default 4), the builds in turn, printing the seconds from `java -jar` to
# /q/health/ready and the compiles its log names.
# Usage, from the repository root, with QUARKUS_DATASOURCE_JDBC_URL (and QUARKUS_DATASOURCE_USERNAME, _PASSWORD) set:
#   src/test/perf/restart.sh [quarkus-app dir ...]        (default: target/quarkus-app)
# e.g. copy target/quarkus-app to /tmp/before, package the change, then: src/test/perf/restart.sh /tmp/before target/quarkus-app
set -euo pipefail
cd "$(dirname "$0")/../../.."
. src/test/perf/service.sh
: "${QUARKUS_DATASOURCE_JDBC_URL:?name an empty database: the launch reads the version in force only from a configured server}"
[ $# -gt 0 ] || set -- target/quarkus-app
PORT=8411 LOG=$(mktemp) WORK=$(mktemp -d)
trap 'kill "${SERVICE_PID:-}" 2>/dev/null; rm -rf "$LOG" "$WORK"' EXIT
stop() { kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; }

echo "first start, and a version uploaded, approved and put in force"
start_service "$1" $PORT "$LOG" -XX:+UseParallelGC
wait_ready $PORT "$SERVICE_PID" "$LOG"
POLICY=$(policy_token $PORT)
curl -s -o /dev/null -X POST "localhost:$PORT/api/v1/users" -H "Authorization: Bearer $(token $PORT admin "$ADMIN_PASSWORD")" \
  -H 'Content-Type: application/json' \
  -d '{"username":"bench-approver","password":"benchmark-approver-password","roles":["policy-approver"]}'
APPROVER=$(token $PORT bench-approver benchmark-approver-password)
java -cp "$1/lib/main/*" src/test/perf/SetParameter.java decision-tables/parameters.drl.xlsx "$WORK/parameters.drl.xlsx" \
  NEAR_MISS_INCOME_MARGIN 0.15 0.17 | sed 's/^/  /'
uploaded=$(date +%s.%N)
VERSION=$(curl -s -X POST "localhost:$PORT/api/v1/rule-sets" -H "Authorization: Bearer $POLICY" -F files=@"$WORK/parameters.drl.xlsx" \
  -F version=2026.9.0 -F 'changeNote=Near-miss margin 17 % (restart benchmark)' | json 'd["id"]')
# the upload's answer comes once the version is validated: compiled, its scenarios run, its compiled form stored
took=$(echo "$(date +%s.%N) - $uploaded" | bc | xargs printf '%.2f')
metric() { curl -s "localhost:$PORT/q/metrics" | grep -E "^inson_rule_set_compile_seconds_$1" | awk '{print $NF}'; }
echo "  uploaded and validated in $took s over HTTP; $(metric count | xargs printf '%.0f') compiles since the start, the slowest $(metric max | xargs printf '%.2f') s"
curl -s -f -o /dev/null -X POST "localhost:$PORT/api/v1/rule-sets/$VERSION/approve" -H "Authorization: Bearer $APPROVER"
curl -s -f -o /dev/null "localhost:$PORT/api/v1/rule-sets/$VERSION/activate" -H "Authorization: Bearer $APPROVER" \
  -H 'Content-Type: application/json' -d '{}'
echo "  in force: $(curl -s "localhost:$PORT/q/health/ready" | json '[c for c in d["checks"] if c["name"] == "rule-set"][0]["data"]')"
stop

for round in $(seq "${ROUNDS:-4}"); do
  for app in "$@"; do
    started=$(date +%s.%N)
    start_service "$app" $PORT "$LOG" -XX:+UseParallelGC
    wait_ready $PORT "$SERVICE_PID" "$LOG"
    echo "$app, start $round: ready after $(echo "$(date +%s.%N) - $started" | bc | xargs printf '%.2f') s;" \
      "$(grep -oE 'Rule set [^ ]+ \(sha256:[0-9a-f]+\) compiled in [0-9]+ ms' "$LOG" | sed -E 's/\(sha256:([0-9a-f]{7})[0-9a-f]*\)/(\1)/' | paste -sd ';')"
    stop
  done
done
