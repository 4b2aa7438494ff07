#!/usr/bin/env bash
# Measures throughput, latency and memory of the API on SQLite (the default deployment), with a
# Release build on a throwaway database. Bounded: a fixed number of requests on loopback only.
#   BENCH_CONCURRENCY (default 8) clients in parallel; BENCH_SCALE (default 1) multiplies the counts.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

dotnet publish src/Milestones.Api -c Release -o "$root/artifacts/bench" --nologo -v q /p:UseAppHost=false > /dev/null
source build/lib/local-api.sh
work=$(mktemp -d)
trap 'stop_local_api; rm -rf "$work"' EXIT
start_local_api "$root/artifacts/bench/Milestones.Api.dll" "$work"

echo "Milestones API on SQLite, Release, $(nproc) cores, $(dotnet --version) SDK, $(date -u +%Y-%m-%dT%H:%MZ)"
node build/bench.mjs "$API_URL" "$API_KEY" "$API_PID"
