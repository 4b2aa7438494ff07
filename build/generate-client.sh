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
# The document leaves answers open (no additionalProperties: false, so a field added later breaks no client that
# validates answers); the TypeScript types stay closed, so a misspelt field is still a compile error: NSwag's
# index signatures ([key: string]: any) on the answer types are taken out.
python3 - clients/typescript/src/milestones-client.ts <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
# Problem documents keep theirs: RFC 9457 lets them carry extension members (traceId, error).
def close(match):
    return match.group(0) if match.group(1) in ("ProblemDetails", "ValidationProblemDetails") else match.group(0).replace("\n\n    [key: string]: any;\n", "\n")
text = re.sub(r"export interface (\w+)[^{]*\{.*?\n\}", close, text, flags=re.S)
# RequestInit.signal is AbortSignal | null: NSwag's `signal,` (possibly undefined) fails exactOptionalPropertyTypes.
text = text.replace("\n            signal,\n", "\n            signal: signal ?? null,\n")
# No `window` anywhere: a client class given no fetch falls back to the global one (Node and browsers alike).
text = text.replace("http ? http : window as any", "http ? http : globalThis as any")
open(path, "w", encoding="utf-8").write(text)
PY
python3 build/lib/client_layer.py clients/typescript/src/milestones-client.ts
echo "regenerated clients/openapi/*.json and clients/typescript/src/milestones-client.ts"
