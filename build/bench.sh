#!/usr/bin/env bash
# Measures the API on SQLite (the default deployment), Release build, throwaway database, loopback only:
# throughput of five workloads as a ratio to a bare ASP.NET Core "ceiling" that returns the same bytes
# after the same bearer check (build/ceiling), RSS after the load, and list latency on a project of
# 20,000 milestones against one of 30. Ratios, not absolute numbers, compare across machines.
#   BENCH_SECONDS (default 8) per wrk run; BENCH_WARMUP (default 12) s of warm-up before each; BENCH_PARTS (default throughput,scale); BENCH_CONNECTIONS (default 32); BENCH_BIG (default 20000).
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
source build/lib/local-api.sh
work=$(mktemp -d)
trap 'stop_local_api; rm -rf "$work"' EXIT
start_local_api "$root/artifacts/bench/Milestones.Api.dll" "$work"

echo "Milestones API on SQLite, Release, $(nproc) cores, $(dotnet --version) SDK, $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), $(date -u +%Y-%m-%dT%H:%MZ)"
node build/bench.mjs "$API_URL" "$API_KEY" "$API_PID" "$root/artifacts/ceiling/Ceiling.dll" "$work" || {
  status=$?
  kill -0 "$API_PID" 2> /dev/null && echo "the API is still running; the end of its log:" >&2 || echo "the API process is gone; the end of its log:" >&2
  tail -40 "$work/api.log" >&2
  exit $status
}
