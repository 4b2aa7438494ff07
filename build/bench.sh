#!/usr/bin/env bash
# Measures throughput, latency and memory of the API on SQLite (the default deployment), with a
# Release build on a throwaway database. Bounded: a fixed number of requests on loopback only.
#   BENCH_CONCURRENCY (default 8) clients in parallel; BENCH_SCALE (default 1) multiplies the counts.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

dotnet publish src/Milestones.Api -c Release -o "$root/artifacts/bench" --nologo -v q /p:UseAppHost=false > /dev/null
work=$(mktemp -d)
key="sk_live_bench_$(date +%s)_0000000000000000000000"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
Milestones__Bootstrap__ApiKey="$key" \
ConnectionStrings__Milestones="Data Source=$work/bench.db" \
Milestones__Deadlines__Enabled=false \
Logging__LogLevel__Default=Warning \
  dotnet "$root/artifacts/bench/Milestones.Api.dll" --urls "http://127.0.0.1:$port" > "$work/api.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/health/ready" > /dev/null 2>&1 && break
  kill -0 "$pid" 2> /dev/null || { cat "$work/api.log"; exit 1; }
  sleep 0.5
done

echo "Milestones API on SQLite, Release, $(nproc) cores, $(dotnet --version) SDK, $(date -u +%Y-%m-%dT%H:%MZ)"
node build/bench.mjs "http://127.0.0.1:$port" "$key" "$pid"
