#!/usr/bin/env bash
# Measures the API on SQLite (the default deployment), Release build, throwaway database, loopback only:
# throughput of five workloads as a ratio to a bare ASP.NET Core "ceiling" that returns the same bytes
# after the same bearer check (build/ceiling) and to a "floor" that does the same database work by hand
# on the API's own SQLite file (build/floor: Microsoft.Data.Sqlite, minimal API), RSS after the load, and list latency on a project of
# 20,000 milestones against one of 30. Ratios, not absolute numbers, compare across machines.
#   BENCH_SECONDS (default 8) per wrk run; BENCH_WARMUP (default 12) s of warm-up before each; BENCH_PARTS (default throughput,scale,postgres); BENCH_CONNECTIONS (default 32); BENCH_BIG (default 20000).
# The postgres part starts a throwaway PostgreSQL cluster (build/lib/postgres.sh) and a second API on it, and
# compares the write workloads on both databases with 32 concurrent clients.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if ! command -v wrk > /dev/null; then
  echo "installing wrk from the OS packages"
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y wrk > /dev/null || { apt-get update > /dev/null && apt-get install -y wrk > /dev/null; }
  else sudo apt-get install -y wrk > /dev/null || { sudo apt-get update > /dev/null && sudo apt-get install -y wrk > /dev/null; }
  fi
fi

dotnet publish src/Milestones.Api -c Release -o "$root/artifacts/bench" --nologo -v q /p:UseAppHost=false > /dev/null
dotnet publish build/ceiling -c Release -o "$root/artifacts/ceiling" --nologo -v q /p:UseAppHost=false > /dev/null
dotnet publish build/floor -c Release -o "$root/artifacts/floor" --nologo -v q /p:UseAppHost=false > /dev/null
source build/lib/local-api.sh
source build/lib/postgres.sh
work=$(mktemp -d)
pg_api_pid=""
trap 'stop_local_api; [ -n "$pg_api_pid" ] && kill "$pg_api_pid" 2> /dev/null; stop_postgres; rm -rf "$work"' EXIT
export BENCH_PARTS="${BENCH_PARTS:-throughput,scale,postgres}"
if [[ ",$BENCH_PARTS," == *",postgres,"* ]]; then
  # The PostgreSQL API first (its own key), kept aside while the SQLite one starts under the usual names.
  start_postgres "$work"
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres bench
  mkdir -p "$work/pg-api"
  LOCAL_API_PROVIDER=PostgreSql LOCAL_API_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=bench;Username=postgres;Maximum Pool Size=64" \
    start_local_api "$root/artifacts/bench/Milestones.Api.dll" "$work/pg-api"
  export BENCH_PG_URL="$API_URL" BENCH_PG_KEY="$API_KEY" BENCH_PG_PID="$API_PID"
  pg_api_pid=$API_PID
  API_PID=""
fi
start_local_api "$root/artifacts/bench/Milestones.Api.dll" "$work"

echo "Milestones API on SQLite, Release, $(nproc) cores, $(dotnet --version) SDK, $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), $(date -u +%Y-%m-%dT%H:%MZ)"
node build/bench.mjs "$API_URL" "$API_KEY" "$API_PID" "$root/artifacts/ceiling/Ceiling.dll" "$work" "$root/artifacts/floor/Floor.dll" || {
  status=$?
  kill -0 "$API_PID" 2> /dev/null && echo "the API is still running; the end of its log:" >&2 || echo "the API process is gone; the end of its log:" >&2
  tail -40 "$work/api.log" >&2
  exit $status
}
