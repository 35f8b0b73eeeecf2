# shellcheck shell=bash
# What the benchmark scripts share; they source it. It starts a packaged build the way the container image starts it,
# on a throw-away embedded PostgreSQL (or the server QUARKUS_DATASOURCE_JDBC_URL names) with a first admin, waits until
# it is ready, and signs in as an integrating system or a policy officer. It defines functions only. Needs curl and
# python3.

ADMIN_PASSWORD=benchmark-admin-password

# start_service <quarkus-app dir> <port> <log file> [JVM option ...]: the service in the background, its pid in
# SERVICE_PID. Empty data and key directories give a throw-away embedded PostgreSQL and signing key; the production
# profile has no demo users, so a first admin is created.
start_service() {
  local app=$1 port=$2 log=$3
  shift 3
  INSON_AUTH_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD java "$@" -Dquarkus.http.port="$port" \
    -Dinson.embedded-postgres.data-directory= -Dinson.auth.key-directory= -jar "$app/quarkus-run.jar" > "$log" 2>&1 &
  SERVICE_PID=$!
}

# wait_ready <port> <pid> <log file>: returns once /q/health/ready answers 200; if the service dies first, prints the
# log's tail and stops the script.
wait_ready() {
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$1/q/health/ready")" = 200 ]; do
    kill -0 "$2" 2>/dev/null || { tail -20 "$3" >&2; echo "the service on port $1 stopped before it was ready" >&2; exit 1; }
    sleep 0.1
  done
}

# warm_up <pid> <url> [url ...]: 8-connection load in 20 s rounds (shared among the URLs, as the integrating system's
# API key in API_KEY) until the JIT compiler is quiet (under 400 methods compiled in a round, 12 rounds at most). On
# 2 cores it needs minutes (the rule set's generated classes are many; one C2 thread took 200 s of CPU in all):
# measuring before that measures the compiler. Needs wrk and jstat.
warm_up() {
  local pid=$1 round before compiled url
  shift
  for round in 1 2 3 4 5 6 7 8 9 10 11 12; do
    before=$(jstat -compiler "$pid" | awk 'NR == 2 { print $1 }')
    for url in "$@"; do
      wrk -t2 -c8 -d$((20 / $#))s -s src/test/perf/assess.lua "$url" >/dev/null
    done
    compiled=$(( $(jstat -compiler "$pid" | awk 'NR == 2 { print $1 }') - before ))
    echo "  round $round: $compiled methods compiled"
    [ "$compiled" -lt 400 ] && break
  done
  return 0
}

# json <Python expression over d>: evaluates it on the JSON document read from standard input.
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# token <port> <username> <password>: a bearer token.
token() {
  curl -s -X POST "localhost:$1/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$2\",\"password\":\"$3\"}" | json 'd["access_token"]'
}

# api_key <port> <name>: an integration client's API key, with a limit above what the machine can serve.
api_key() {
  curl -s -X POST "localhost:$1/api/v1/api-keys" -H "Authorization: Bearer $(token "$1" admin "$ADMIN_PASSWORD")" \
    -H 'Content-Type: application/json' \
    -d "{\"name\":\"$2\",\"roles\":[\"integration-client\"],\"expiresAt\":\"$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)\",\"requestsPerMinute\":1000000}" \
    | json 'd["key"]'
}

# policy_token <port>: the token of a policy officer, created by the admin on the first call.
policy_token() {
  curl -s -o /dev/null -X POST "localhost:$1/api/v1/users" -H "Authorization: Bearer $(token "$1" admin "$ADMIN_PASSWORD")" \
    -H 'Content-Type: application/json' \
    -d '{"username":"bench-policy","password":"benchmark-policy-password","roles":["policy-officer"]}'
  token "$1" bench-policy benchmark-policy-password
}

# embedded_db_port <log file>: the port of the embedded PostgreSQL the service started.
embedded_db_port() { grep -oE "embedded PostgreSQL on port [0-9]+" "$1" | grep -oE "[0-9]+$"; }

# service_psql <log file> [psql option ...]: psql on the service's database: the server QUARKUS_DATASOURCE_JDBC_URL
# names, as QUARKUS_DATASOURCE_USERNAME (default postgres), when it is set; else the embedded one the service started.
service_psql() {
  local log=$1
  shift
  if [ -n "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
    PGPASSWORD=${QUARKUS_DATASOURCE_PASSWORD:-} psql "${QUARKUS_DATASOURCE_JDBC_URL#jdbc:}" -U "${QUARKUS_DATASOURCE_USERNAME:-postgres}" "$@"
  else
    psql -h localhost -p "$(embedded_db_port "$log")" -U postgres -d postgres "$@"
  fi
}
