#!/usr/bin/env bash
# Where a request's CPU goes: the packaged app under 8 connections of stored (default) or dry (`dry`) assessments, warmed
# up until the JIT compiler is quiet, then 30 s of CPU samples from async-profiler 3.0 (Maven Central), attached only
# then: a profiler started with the service profiles the compiler's minutes too, and JFR started on a warm service made
# the JIT recompile for minutes (the rate fell to a third). Prints the shares of the parts of a request and the
# hottest frames, and leaves the collapsed stacks in target/perf/ (for a flame graph, e.g. with async-profiler's own
# converter).
# The JVM records where every inlined method's code lies (-XX:+DebugNonSafepoints), or the profiler puts the samples of
# inlined code in whichever method had the nearest safepoint (seen: a pretty printer's frames for JSON printed compactly).
# A frame that looks surprising can be such a misplaced sample: given a method (`package.Class.method`), the script
# counts that method's calls instead (async-profiler's Java method tracing, 10 s of load; the service runs slower while
# traced, the calls a request do not change) and prints them a request with their commonest callers.
# Needs wrk and python3. Usage, from the repository root:  src/test/perf/profile.sh [stored|dry] [package.Class.method]
# Database and JVM options as for benchmark.sh.
set -euo pipefail
cd "$(dirname "$0")/../../.."
MODE=${1:-stored}
case "$MODE" in stored | dry) ;; *) echo "usage: $0 [stored|dry] [package.Class.method]" >&2; exit 2 ;; esac
METHOD=${2:-}
PORT=${PORT:-8089}
. src/test/perf/service.sh
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests
mkdir -p target/perf
AGENT=target/perf/linux-x64/libasyncProfiler.so
if [ ! -f "$AGENT" ]; then
  ./mvnw -q dependency:copy -Dartifact=tools.profiler:async-profiler:3.0 -DoutputDirectory=target/perf
  unzip -q -o target/perf/async-profiler-3.0.jar 'linux-x64/*' -d target/perf
fi
LOG=$(mktemp)
# shellcheck disable=SC2086 # the options are words
start_service target/quarkus-app "$PORT" "$LOG" ${JAVA_OPTS--XX:+UseParallelGC} -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints
APP=$SERVICE_PID
trap 'kill $APP 2>/dev/null; rm -f "$LOG"' EXIT
wait_ready "$PORT" "$APP" "$LOG"
API_KEY=$(api_key "$PORT" profile)
export API_KEY
URL="http://localhost:$PORT/api/v1/assessments"
[ "$MODE" = dry ] && URL="$URL?persist=false"
echo "warm-up until the JIT compiler is quiet (20 s rounds, 8 connections, $MODE):"
warm_up "$APP" "$URL"
if [ -n "$METHOD" ]; then
  OUT=target/perf/calls-$MODE.collapsed
  java src/test/perf/Attach.java "$APP" "$PWD/$AGENT" "start,event=$METHOD"
  echo "traced (10 s):"
  LOAD=$(wrk -t2 -c8 -d10s -s src/test/perf/assess.lua "$URL" | grep -E "Requests/sec|^requests")
  echo "$LOAD" | sed 's/^/  /'
  REQUESTS=$(echo "$LOAD" | grep -oE "^requests [0-9]+" | grep -oE "[0-9]+")
  java src/test/perf/Attach.java "$APP" "$PWD/$AGENT" "stop,file=$PWD/$OUT,collapsed"
  python3 - "$OUT" "$REQUESTS" "$METHOD" <<'PY'
import collections, sys
calls, callers = 0, collections.Counter()
for line in open(sys.argv[1]):
    stack, n = line.rstrip("\n").rsplit(" ", 1)
    calls += int(n)
    callers[" < ".join(f.rsplit("/", 1)[-1] for f in reversed(stack.split(";")[-4:-1]))] += int(n)
print(f"{sys.argv[3]}: {calls} calls in {sys.argv[2]} requests, {calls / int(sys.argv[2]):.1f} a request")
for caller, n in callers.most_common(5):
    print(f"  {n:8d}  < {caller[:140]}")
PY
  echo "stacks: $OUT"
  exit 0
fi
OUT=target/perf/profile-$MODE.collapsed
java src/test/perf/Attach.java "$APP" "$PWD/$AGENT" "start,event=itimer,interval=1ms"
echo "profiled (30 s):"
wrk -t2 -c8 -d30s -s src/test/perf/assess.lua "$URL" | grep -E "Requests/sec|^requests" | sed 's/^/  /'
java src/test/perf/Attach.java "$APP" "$PWD/$AGENT" "stop,file=$PWD/$OUT,collapsed"
python3 - "$OUT" <<'PY'
import collections, sys
# Each sample counts for the first part whose frame it holds, in this order (the rule run is inside the decision, the
# decision inside the resource, and so on).
parts = [
    ("the rule run (Drools)", ["AssessmentEngine.evaluate", "CompiledRuleSet.evaluate"]),
    ("the decision beyond the rule run", ["AssessmentEngine.decide"]),
    ("the answer in words", ["AnswerWriter.", "Explainer."]),
    ("the audit entry and the stored assessment's commit", ["GroupCommit.", "AuditTrail.", "AuditFilter."]),
    ("the request's JSON read", ["JacksonMessageBodyReader"]),
    ("the answer's JSON written", ["JacksonMessageBodyWriter"]),
    ("the rest of our code and the interceptors around it", ["uz/inson/assess/"]),
    ("HTTP, Vert.x, Netty", ["io/vertx/", "io/netty/", "org/jboss/resteasy/"]),
    ("the JIT compiler", ["CompileBroker"]),
    ("the collector", ["GCTaskThread", "ParallelScavenge", "PSScavenge", "G1"]),
]
total, shares, hottest = 0, collections.Counter(), collections.Counter()
for line in open(sys.argv[1]):
    stack, n = line.rstrip("\n").rsplit(" ", 1)
    n = int(n)
    total += n
    frames = stack.split(";")
    hottest[frames[-1]] += n
    part = next((name for name, marks in parts if any(m in f for f in frames for m in marks)), "other (JVM, kernel, idle threads)")
    shares[part] += n
print(f"{total} samples of the service's CPU, 1 ms each")
for name, _ in parts + [("other (JVM, kernel, idle threads)", [])]:
    print(f"  {100 * shares[name] / total:5.1f} %  {name}")
print("hottest frames (own time):")
for frame, n in hottest.most_common(12):
    print(f"  {100 * n / total:5.1f} %  {frame[:110]}")
PY
echo "stacks: $OUT"
