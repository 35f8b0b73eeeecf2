#!/usr/bin/env bash
# The engine benchmark (JMH, EngineBenchmark in the test sources), without HTTP or the database:
#   src/test/perf/engine.sh                                   every benchmark, the documented iterations
#   src/test/perf/engine.sh targets                           the issue's figures: the bare run, `decision` and the
#                                                             full answer, three forks each (one fork can settle half
#                                                             as slow again as another, which decides a ratio near 2)
#   src/test/perf/engine.sh 'EngineBenchmark.(rulesOnly|decision)$' -prof gc   any JMH arguments instead
# It runs JMH with java on the test class path rather than through exec:exec: `-Dexec.args` would also replace the
# arguments of the build's own exec:java steps (SpreadsheetReads, CompiledForm) that test-compile runs.
set -euo pipefail
cd "$(dirname "$0")/../../.."

./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/perf-classpath.txt -Dmdep.includeScope=test
if [ $# -eq 0 ]; then
  set -- EngineBenchmark -wi 10 -w 2 -i 6 -r 2
elif [ "$1" = targets ]; then
  set -- 'EngineBenchmark.(rulesOnly|decision|answerInWords)$' -wi 10 -w 2 -i 6 -r 2 -f 3
fi
exec java -cp "target/test-classes:target/classes:$(cat target/perf-classpath.txt)" org.openjdk.jmh.Main "$@"
