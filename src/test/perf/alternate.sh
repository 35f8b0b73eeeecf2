#!/usr/bin/env bash
# Compares two packaged builds on a noisy machine: both run side by side (each with its own throw-away embedded
# PostgreSQL), warm up together, then take 10-second `wrk -t2 -c8` runs in turn, first one then the other, alternating
# which goes first. Prints each run's rate and the service's CPU per request (its process's user and system time from
# /proc, PostgreSQL's not included), then for each path the median of the pairs' ratios and how many pairs went B's way.
# The side matters too: on 2026-12-05, worked out from pairs of runs, the second port alone added 4.7-6.0 % to the CPU
# a dry run, whichever build was there, and took 4.9 % off it in a third pair: each start of the two services has its
# own. So the comparison is made twice, the second time with the builds on swapped ports, and the summary splits each
# path's difference into the builds' (the mean of the two medians) and the side's (half their difference). ONE_WAY=1
# makes it once, in half the time.
# Usage, from the repository root:  src/test/perf/alternate.sh <quarkus-app dir A> <quarkus-app dir B> [pairs each way]
# e.g. copy target/quarkus-app to /tmp/before, package the change, then: src/test/perf/alternate.sh /tmp/before target/quarkus-app
# Both JVMs run with the container image's collector (-XX:+UseParallelGC) unless JAVA_OPTS_A or JAVA_OPTS_B say otherwise;
# to compare JVM options instead of builds, give the same directory twice, e.g. the JVM's own collector against the
# image's:  JAVA_OPTS_A= src/test/perf/alternate.sh target/quarkus-app target/quarkus-app
set -euo pipefail
cd "$(dirname "$0")/../../.."
. src/test/perf/service.sh
A=$1 B=$2 PAIRS=${3:-8}
LOGS=("$(mktemp)" "$(mktemp)")
RESULTS=$(mktemp)
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null; rm -f "${LOGS[@]}" "$RESULTS"' EXIT
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
declare -A PID NAME KEYS
run() { # port query: prints "<A|B> <path> <requests/s> <CPU ms per request> <way>"
  local before after out requests
  before=$(cpu_ticks "${PID[$1]}")
  out=$(API_KEY=${KEYS[$1]} wrk -t2 -c8 -d10s -s src/test/perf/assess.lua "http://localhost:$1/api/v1/assessments$2")
  after=$(cpu_ticks "${PID[$1]}")
  requests=$(echo "$out" | grep -oE '^requests [0-9]+' | grep -oE '[0-9]+')
  echo "${NAME[$1]} ${2:-stored} $(echo "$out" | awk '/Requests\/sec/ { print $2 }') $(echo "scale=3; ($after - $before) * 1000 / $(getconf CLK_TCK) / $requests" | bc) $WAY"
}
# compare <way> <name on the first port> <its build> <its JVM options> <name on the second port> <its build> <its options>
compare() {
  WAY=$1
  # shellcheck disable=SC2086 # the options are words
  start_service "$3" 8401 "${LOGS[0]}" $4
  PIDS=("$SERVICE_PID")
  # shellcheck disable=SC2086
  start_service "$6" 8402 "${LOGS[1]}" $7
  PIDS+=("$SERVICE_PID")
  wait_ready 8401 "${PIDS[0]}" "${LOGS[0]}"
  wait_ready 8402 "${PIDS[1]}" "${LOGS[1]}"
  KEYS=([8401]="$(api_key 8401 alternate)" [8402]="$(api_key 8402 alternate)")
  PID=([8401]=${PIDS[0]} [8402]=${PIDS[1]})
  NAME=([8401]=$2 [8402]=$5)
  echo "way $WAY: $2 on the first port, $5 on the second; warm-up ($WARM_UP_ROUNDS rounds)" >&2
  for _ in $(seq "$WARM_UP_ROUNDS"); do for port in 8401 8402; do run $port "" >/dev/null; run $port "?persist=false" >/dev/null; done; done
  for pair in $(seq "$PAIRS"); do
    for query in "?persist=false" ""; do
      if [ $((pair % 2)) = 1 ]; then run 8401 "$query"; run 8402 "$query"; else run 8402 "$query"; run 8401 "$query"; fi
    done
  done | tee -a "$RESULTS"
  kill "${PIDS[@]}"
  wait "${PIDS[@]}" 2>/dev/null || true
  PIDS=()
}
WARM_UP_ROUNDS=${WARM_UP_ROUNDS:-6} # 40 s each: the JIT compiler is busy for minutes after a start
compare 1 A "$A" "${JAVA_OPTS_A--XX:+UseParallelGC}" B "$B" "${JAVA_OPTS_B--XX:+UseParallelGC}"
[ "${ONE_WAY:-}" = 1 ] || compare 2 B "$B" "${JAVA_OPTS_B--XX:+UseParallelGC}" A "$A" "${JAVA_OPTS_A--XX:+UseParallelGC}"
python3 - "$RESULTS" <<'PY'
import statistics, sys
runs = [line.split() for line in open(sys.argv[1])]
for path in ("?persist=false", "stored"):
    medians = {}
    for way in sorted({r[4] for r in runs}):
        a = [r for r in runs if r[1] == path and r[0] == "A" and r[4] == way]
        b = [r for r in runs if r[1] == path and r[0] == "B" and r[4] == way]
        rate = [float(y[2]) / float(x[2]) - 1 for x, y in zip(a, b)]
        cpu = [float(y[3]) / float(x[3]) - 1 for x, y in zip(a, b)]
        medians[way] = (statistics.median(rate), statistics.median(cpu))
        side = "second" if way == "1" else "first"
        print(f"{path}, way {way} (B on the {side} port): {len(rate)} pairs; B's rate {medians[way][0]:+.1%} (median), higher in "
              f"{sum(r > 0 for r in rate)}; B's CPU per request {medians[way][1]:+.1%} (median), lower in {sum(c < 0 for c in cpu)}")
    if len(medians) == 2:
        (r1, c1), (r2, c2) = medians["1"], medians["2"]
        print(f"{path}, both ways: B's rate {(r1 + r2) / 2:+.1%}, CPU per request {(c1 + c2) / 2:+.1%}; "
              f"the second port's own: rate {(r1 - r2) / 2:+.1%}, CPU {(c1 - c2) / 2:+.1%}")
PY
