#!/usr/bin/env bash
# Regenerates the contract and the client, in that order:
#   1. clients/openapi/v1.json   — the OpenAPI document exactly as the service serves it
#   2. clients/typescript/src/milestones-client.ts — NSwag (NSwag.MSBuild 14.7.1 CLI) from that file
# CI runs this and fails when it changes any committed file (drift).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

dotnet build src/Milestones.Api --nologo -v q

work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
Milestones__Bootstrap__ApiKey="sk_live_generate_client_$(date +%s)_00000000000000" \
ConnectionStrings__Milestones="Data Source=$work/contract.db" \
Milestones__Deadlines__Enabled=false \
  dotnet src/Milestones.Api/bin/Debug/net10.0/Milestones.Api.dll --urls "http://127.0.0.1:$port" > "$work/api.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/health/ready" > /dev/null 2>&1 && break
  kill -0 "$pid" 2> /dev/null || { cat "$work/api.log"; echo "the API did not start" >&2; exit 1; }
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/openapi/v1.json" -o clients/openapi/v1.json
kill "$pid"

packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
dotnet "${packages%/}/nswag.msbuild/14.7.1/tools/Net100/dotnet-nswag.dll" run build/nswag.json > "$work/nswag.log" 2>&1 \
  || { cat "$work/nswag.log"; exit 1; }
echo "regenerated clients/openapi/v1.json and clients/typescript/src/milestones-client.ts"
