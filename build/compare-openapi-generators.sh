#!/usr/bin/env bash
# Puts the two candidate OpenAPI generators side by side on the same controllers (decision record 8):
#   A. Microsoft.AspNetCore.OpenApi with our transformers — what the service serves at /openapi/v1.json
#   B. NSwag.AspNetCore 14.8.0 (the design card's choice), default settings plus the title and the
#      bearer scheme, added to a throwaway copy of the repository only
# For each: Redocly (recommended) and Spectral (oas) counts, then the TypeScript client NSwag generates
# from it (build/nswag.json settings), compiled with `tsc --strict`, and a few client-quality counts.
# Nothing in the repository changes. Usage: bash build/compare-openapi-generators.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
copy="$work/repo"
source "$root/build/lib/local-api.sh"
trap 'stop_local_api; rm -rf "$work"' EXIT

mkdir -p "$copy"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 -I{} cp --parents {} "$copy/" 2> /dev/null || true)
cd "$copy"

# The NSwag generator, added beside the first-party one.
sed -i 's#<PackageVersion Include="NSwag.MSBuild" Version="14.7.1" />#&\n    <PackageVersion Include="NSwag.AspNetCore" Version="14.8.0" />#' Directory.Packages.props
sed -i 's#<PackageReference Include="Microsoft.AspNetCore.OpenApi" />#&\n    <PackageReference Include="NSwag.AspNetCore" />#' src/Milestones.Api/Milestones.Api.csproj
grep -q 'Include="NSwag.AspNetCore"' src/Milestones.Api/Milestones.Api.csproj || { echo "could not add NSwag.AspNetCore to the copy" >&2; exit 1; }
sed -i 's#^    builder.Services.AddMilestonesOpenApi();#&\n    builder.Services.AddOpenApiDocument(d => { d.DocumentName = "nswag"; d.Title = "Milestones API"; d.AddSecurity("bearer", new NSwag.OpenApiSecurityScheme { Type = NSwag.OpenApiSecuritySchemeType.Http, Scheme = "bearer" }); d.OperationProcessors.Add(new NSwag.Generation.Processors.Security.AspNetCoreOperationSecurityScopeProcessor("bearer")); });#' src/Milestones.Api/Program.cs
sed -i 's#^    app.MapOpenApi(.*#&\n    app.UseOpenApi(s => { s.DocumentName = "nswag"; s.Path = "/nswag/v1.json"; });#' src/Milestones.Api/Program.cs

dotnet build src/Milestones.Api --nologo -v q -p:TreatWarningsAsErrors=false > "$work/build.log" 2>&1 || { tail -40 "$work/build.log"; exit 1; }
start_local_api src/Milestones.Api/bin/Debug/net10.0/Milestones.Api.dll "$work"
curl -sf "$API_URL/openapi/v1.json" -o "$work/aspnetcore.json"
curl -sf "$API_URL/nswag/v1.json" -o "$work/nswag.json"
stop_local_api

# Linters: the same pinned ones as build/lint-openapi.sh.
bash "$root/build/lint-openapi.sh" > /dev/null 2>&1 || true
tools="$root/artifacts/openapi-lint"
packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
nswag_cli="${packages%/}/nswag.msbuild/14.7.1/tools/Net100/dotnet-nswag.dll"
mkdir -p "$work/ts" && cp -r "$root/clients/typescript/node_modules" "$work/ts/" 2> /dev/null || (cd "$work/ts" && npm init -y > /dev/null && npm install --no-audit --no-fund --loglevel=error typescript@5.9.3 @types/node@20 > /dev/null)

# "You have 3 errors and 2 warnings." -> the number before the word, or 0.
first_number() { { grep -oE "[0-9]+ $1" || true; } | { grep -oE '^[0-9]+' || true; } | head -1 | sed 's/^$/0/' | { read -r n || true; echo "${n:-0}"; }; }

printf '%-22s %12s %12s %14s %12s %12s %12s %12s\n' generator redocly_err redocly_warn spectral_probs tsc_errors optional_fld index_sigs enum_dupes
for name in aspnetcore nswag; do
  doc="$work/$name.json"
  redocly=$("$tools/node_modules/.bin/redocly" lint "$doc" --format summary 2>&1 || true)
  r_err=$(first_number 'errors?' <<< "$redocly")
  r_warn=$(first_number 'warnings?' <<< "$redocly")
  spectral=$("$tools/node_modules/.bin/spectral" lint "$doc" --ruleset "$tools/.spectral.yaml" -f text 2>&1 || true)
  s_probs=$(grep -cE ' (error|warning|information|hint) ' <<< "$spectral" || true)

  sed -e "s#../clients/openapi/v1.json#$doc#" -e "s#../clients/typescript/src/milestones-client.ts#$work/ts/$name.ts#" \
    "$root/build/nswag.json" > "$work/nswag-$name.json"
  dotnet "$nswag_cli" run "$work/nswag-$name.json" > "$work/nswag-$name.log" 2>&1 || { cat "$work/nswag-$name.log"; exit 1; }
  tsc_out=$(cd "$work/ts" && node_modules/.bin/tsc --strict --noEmit --target ES2022 --module NodeNext --moduleResolution NodeNext --lib ES2022,DOM "$name.ts" 2>&1 || true)
  tsc_err=$(grep -c 'error TS' <<< "$tsc_out" || true)
  optional=$(grep -cE '^\s+[a-z_]+\?: ' "$work/ts/$name.ts" || true)
  index=$(grep -c '\[key: string\]: any' "$work/ts/$name.ts" || true)
  dupes=$(grep -cE '^export (type|enum) [A-Za-z]+[2-9] ' "$work/ts/$name.ts" || true)
  printf '%-22s %12s %12s %14s %12s %12s %12s %12s\n' "$name" "$r_err" "$r_warn" "$s_probs" "$tsc_err" "$optional" "$index" "$dupes"
  cp "$doc" "$root/artifacts/openapi-compare-$name.json" 2> /dev/null || { mkdir -p "$root/artifacts" && cp "$doc" "$root/artifacts/openapi-compare-$name.json"; }
  cp "$work/ts/$name.ts" "$root/artifacts/openapi-compare-$name.ts"
done
echo "documents and clients kept in artifacts/openapi-compare-*"
