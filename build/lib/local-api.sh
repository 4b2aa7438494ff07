# Sourced by .ci/run, build/generate-client.sh and build/bench.sh: one way to run the API locally
# on a throwaway SQLite database, on a free loopback port, with a known bootstrap admin key, and
# without the rate limiter (the benchmark sends thousands of requests a minute with one key), and with
# webhooks allowed to loopback receivers (the client tests run one).
#
#   start_local_api DLL WORKDIR   starts it and waits for /health/ready; sets API_PID, API_URL, API_KEY
#                                 (LOCAL_API_PROVIDER and LOCAL_API_CONNECTION, when set, put it on another
#                                 database than the throwaway SQLite file, as build/bench.sh does for PostgreSQL)
#   stop_local_api                stops it (safe to call twice, and from an EXIT trap)

API_PID=""
API_URL=""
API_KEY=""

start_local_api() {
  local dll=$1 work=$2 port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  API_KEY="sk_live_local_$(date +%s)_$RANDOM$RANDOM""_000000000000000"
  API_URL="http://127.0.0.1:$port"
  Milestones__Bootstrap__ApiKey="$API_KEY" \
  Database__Provider="${LOCAL_API_PROVIDER:-Sqlite}" \
  ConnectionStrings__Milestones="${LOCAL_API_CONNECTION:-Data Source=$work/local-api.db}" \
  Milestones__Deadlines__Enabled=false \
  Milestones__RateLimit__PermitsPerMinute=0 \
  Milestones__Webhooks__AllowPrivateNetworks=true \
  Logging__LogLevel__Default=Warning \
    dotnet "$dll" --urls "$API_URL" > "$work/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "$API_URL/health/ready" > /dev/null 2>&1 && return 0
    if ! kill -0 "$API_PID" 2> /dev/null; then
      cat "$work/api.log"
      echo "the API did not start" >&2
      API_PID=""
      return 1
    fi
    sleep 0.5
  done
  echo "the API was not ready after 60 s" >&2
  return 1
}

stop_local_api() {
  if [ -n "$API_PID" ]; then
    kill "$API_PID" 2> /dev/null || true
    wait "$API_PID" 2> /dev/null || true
    API_PID=""
  fi
}
