#!/usr/bin/env bash
# Lints the committed OpenAPI documents (the main one and the four seed dialects') with Redocly's recommended rules and Spectral's `oas` ruleset;
# fails on any error. The linters (pinned) are installed into artifacts/openapi-lint on first use.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/artifacts/openapi-lint"

if [ ! -x "$tools/node_modules/.bin/redocly" ] || [ ! -x "$tools/node_modules/.bin/spectral" ]; then
  mkdir -p "$tools"
  (cd "$tools" && npm init -y > /dev/null && npm install --no-audit --no-fund --loglevel=error @redocly/cli@2.77.0 @stoplight/spectral-cli@6.16.3 > /dev/null)
fi

echo 'extends: ["spectral:oas"]' > "$tools/.spectral.yaml"
for document in "$root"/clients/openapi/v1.json "$root"/clients/openapi/compat-*.json; do
  echo "$(basename "$document"):"
  "$tools/node_modules/.bin/redocly" lint "$document" --format summary 2>&1 | grep -vE '^\s*(║|╔|╚)' | grep -v '^$'
  "$tools/node_modules/.bin/spectral" lint "$document" --ruleset "$tools/.spectral.yaml" --fail-severity error
done
