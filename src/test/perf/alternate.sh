#!/usr/bin/env bash
# Compares two packaged builds on a noisy machine: both run side by side (each with its own throw-away embedded
# PostgreSQL), warm up together, then take 10-second `wrk -t2 -c8` runs in turn, first one then the other, alternating
# which goes first. Prints each run's rate and the service's CPU per request (its process's user and system time from
# /proc, PostgreSQL's not included), then for each path the median of the pairs' ratios and how many pairs went B's way.
# Usage, from the repository root:  src/test/perf/alternate.sh <quarkus-app dir A> <quarkus-app dir B> [pairs]
# e.g. copy target/quarkus-app to /tmp/before, package the change, then: src/test/perf/alternate.sh /tmp/before target/quarkus-app
# Both JVMs run with the container image's collector (-XX:+UseParallelGC) unless JAVA_OPTS_A or JAVA_OPTS_B say otherwise;
# to compare JVM options instead of builds, give the same directory twice, e.g. the JVM's own collector against the
# image's:  JAVA_OPTS_A= src/test/perf/alternate.sh target/quarkus-app target/quarkus-app
set -euo pipefail
cd "$(dirname "$0")/../../.."
. src/test/perf/service.sh
A=$1 B=$2 PAIRS=${3:-8}
LOGS=("$(mktemp)" "$(mktemp)")
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null; rm -f "${LOGS[@]}"' EXIT
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# shellcheck disable=SC2086 # the options are words
start_service "$A" 8401 "${LOGS[0]}" ${JAVA_OPTS_A--XX:+UseParallelGC}
PIDS+=("$SERVICE_PID")
# shellcheck disable=SC2086
start_service "$B" 8402 "${LOGS[1]}" ${JAVA_OPTS_B--XX:+UseParallelGC}
PIDS+=("$SERVICE_PID")
wait_ready 8401 "${PIDS[0]}" "${LOGS[0]}"
wait_ready 8402 "${PIDS[1]}" "${LOGS[1]}"
KEYS=([8401]="$(api_key 8401 alternate)" [8402]="$(api_key 8402 alternate)")
declare -A PID=([8401]=${PIDS[0]} [8402]=${PIDS[1]}) NAME=([8401]=A [8402]=B)
run() { # port query: prints "<A|B> <path> <requests/s> <CPU ms per request>"
  local before after out requests
  before=$(cpu_ticks "${PID[$1]}")
  out=$(API_KEY=${KEYS[$1]} wrk -t2 -c8 -d10s -s src/test/perf/assess.lua "http://localhost:$1/api/v1/assessments$2")
  after=$(cpu_ticks "${PID[$1]}")
  requests=$(echo "$out" | grep -oE '^requests [0-9]+' | grep -oE '[0-9]+')
  echo "${NAME[$1]} ${2:-stored} $(echo "$out" | awk '/Requests\/sec/ { print $2 }') $(echo "scale=3; ($after - $before) * 1000 / $(getconf CLK_TCK) / $requests" | bc)"
}
WARM_UP_ROUNDS=${WARM_UP_ROUNDS:-6} # 40 s each: the JIT compiler is busy for minutes after a start
echo "warm-up ($WARM_UP_ROUNDS rounds)" >&2
for _ in $(seq "$WARM_UP_ROUNDS"); do for port in 8401 8402; do run $port "" >/dev/null; run $port "?persist=false" >/dev/null; done; done
RESULTS=$(mktemp)
for pair in $(seq "$PAIRS"); do
  for query in "?persist=false" ""; do
    if [ $((pair % 2)) = 1 ]; then run 8401 "$query"; run 8402 "$query"; else run 8402 "$query"; run 8401 "$query"; fi
  done
done | tee "$RESULTS"
python3 - "$RESULTS" <<'PY'
import statistics, sys
runs = [line.split() for line in open(sys.argv[1])]
for path in ("?persist=false", "stored"):
    a = [r for r in runs if r[1] == path and r[0] == "A"]
    b = [r for r in runs if r[1] == path and r[0] == "B"]
    rate = [float(y[2]) / float(x[2]) - 1 for x, y in zip(a, b)]
    cpu = [float(y[3]) / float(x[3]) - 1 for x, y in zip(a, b)]
    print(f"{path}: {len(rate)} pairs; B's rate {statistics.median(rate):+.1%} (median), higher in {sum(r > 0 for r in rate)}; "
          f"B's CPU per request {statistics.median(cpu):+.1%} (median), lower in {sum(c < 0 for c in cpu)}")
PY
rm -f "$RESULTS"
