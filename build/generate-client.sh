#!/usr/bin/env bash
# Regenerates the contract and the client, in that order:
#   1. clients/openapi/v1.json   — the OpenAPI document exactly as the service serves it, and beside it
#      compat-{artist,goals,projects,buckets}.json, the seed dialects' documents (SPEC 10)
#   2. clients/typescript/src/milestones-client.ts — NSwag (NSwag.MSBuild 14.7.1 CLI) from that file
# CI runs this and fails when it changes any committed file (drift).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

dotnet build src/Milestones.Api --nologo -v q

source build/lib/local-api.sh
work=$(mktemp -d)
trap 'stop_local_api; rm -rf "$work"' EXIT
start_local_api src/Milestones.Api/bin/Debug/net10.0/Milestones.Api.dll "$work"
curl -sf "$API_URL/openapi/v1.json" -o clients/openapi/v1.json
for dialect in artist goals projects buckets; do
  curl -sf "$API_URL/openapi/compat-$dialect.json" -o "clients/openapi/compat-$dialect.json"
done
stop_local_api

packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
dotnet "${packages%/}/nswag.msbuild/14.7.1/tools/Net100/dotnet-nswag.dll" run build/nswag.json > "$work/nswag.log" 2>&1 \
  || { cat "$work/nswag.log"; exit 1; }
echo "regenerated clients/openapi/*.json and clients/typescript/src/milestones-client.ts"
