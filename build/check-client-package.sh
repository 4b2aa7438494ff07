#!/usr/bin/env bash
# Proves the TypeScript client as its users get it: `npm pack`, install the tarball into a new project,
# check what it ships, compile a strict consumer against it, and run that consumer on a live API.
#   build/check-client-package.sh <baseUrl> <apiKey>
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$root/clients/typescript" && npm pack --silent --pack-destination "$work" > "$work/tarball.txt")
tarball="$work/$(tail -1 "$work/tarball.txt")"
shipped=$(tar -tzf "$tarball")
if echo "$shipped" | grep -E 'package/(test|src)/|\.test\.|[^d]\.ts$' | grep -v '\.d\.ts$'; then
  echo "client package: ships sources or tests (above)" >&2
  exit 1
fi
for file in package/README.md package/LICENSE package/dist/src/core.js package/dist/src/resources/projects.js; do
  if ! echo "$shipped" | grep -qx "$file"; then
    echo "client package: $file is missing from the tarball" >&2
    exit 1
  fi
done
if ! tar -xzOf "$tarball" package/package.json | grep -q '"license": "MIT"'; then
  echo "client package: the licence is not MIT" >&2
  exit 1
fi

mkdir "$work/consumer"
cp "$root/clients/consumer/consumer.ts" "$work/consumer/"
cd "$work/consumer"
cat > package.json <<'JSON'
{ "name": "milestones-consumer", "private": true, "type": "module" }
JSON
cat > tsconfig.json <<'JSON'
{ "compilerOptions": { "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext", "strict": true, "noUncheckedIndexedAccess": true, "exactOptionalPropertyTypes": true, "skipLibCheck": false, "types": ["node"] } }
JSON
npm install --no-audit --no-fund --loglevel=error "$tarball" typescript@~5.9.3 @types/node@^20.19.0
npx tsc -p tsconfig.json
MILESTONES_BASE_URL="$1" MILESTONES_API_KEY="$2" node consumer.js
