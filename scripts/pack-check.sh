#!/usr/bin/env bash
# Packs schema-sync as `npm publish` would, installs the tarball into an empty project with no
# dev dependencies (from npm's cache: offline when the cache holds the runtime dependencies'
# metadata, else only what is missing is fetched), and checks what a user gets: the CLI (--version, state on a tiny history, --help
# without the parser), the ESM API at run time, and its types compiling without @types/node.
# Usage: bash scripts/pack-check.sh          (exit 0 when every check passes)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
work=$(mktemp -d "${TMPDIR:-/tmp}/schema-sync-pack-XXXXXX")
trap 'rm -rf "$work"' EXIT
step() { printf '== %s\n' "$*"; }

step "npm pack (prepack builds dist/)"
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
tarball="$work/$tarball"
listing=$(tar -tzf "$tarball")
for f in package/LICENSE package/README.md package/docs/SCHEMA_SYNC_GUIDE.md package/bin/schema-sync.js package/dist/index.js package/dist/index.d.ts package/dist/cli-bundle/main.js; do
  grep -qx "$f" <<<"$listing" || { echo "missing from the package: $f"; exit 1; }
done
if grep -E '\.map$|^package/(src|test)/' <<<"$listing"; then echo "the package ships source maps or sources it should not"; exit 1; fi
if grep -q 'sourceMappingURL' <(tar -xzOf "$tarball" --wildcards 'package/dist/*.js' 'package/dist/**/*.js' 2>/dev/null); then
  echo "dist/ refers to source maps that are not shipped"; exit 1
fi
if tar -xzOf "$tarball" package/package.json | grep -q '"prepare"'; then echo 'package.json has a "prepare" script: consumers would build on install'; exit 1; fi

step "install into an empty project (from the npm cache, no dev dependencies)"
app="$work/app"
mkdir -p "$app"
cd "$app"
printf '{ "name": "pack-check-app", "version": "1.0.0", "private": true, "type": "module" }\n' > package.json
# npm ci caches tarballs but not the registry's package documents npm install also needs.
npm install --offline --no-audit --no-fund --omit=dev --loglevel=silent "$tarball" >/dev/null 2>&1 \
  || npm install --prefer-offline --no-audit --no-fund --omit=dev --loglevel=error "$tarball" >/dev/null
for dev in typescript vitest tsx esbuild @types/node mermaid; do
  [ ! -e "node_modules/$dev" ] || { echo "dev dependency $dev was installed"; exit 1; }
done

step "CLI"
version=$(npx --no-install schema-sync --version)
expected=$(node -p "require('$repo/package.json').version")
[ "$version" = "$expected" ] || { echo "--version printed '$version', expected '$expected'"; exit 1; }
npx --no-install schema-sync --help | grep -q 'diff \[options\]' || { echo "--help lacks the diff command"; exit 1; }
mkdir -p migrations
printf -- '-- revision: a1\n-- down_revision: none\n\nCREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n' > migrations/0001_a1.sql
printf -- '-- revision: b2\n-- down_revision: a1\n\nALTER TABLE users ADD COLUMN name text;\nCREATE INDEX users_email_idx ON users (email);\n' > migrations/0002_b2.sql
state=$(npx --no-install schema-sync state -q -m migrations)
grep -q 'CREATE TABLE public.users' <<<"$state" && grep -q 'name text' <<<"$state" && grep -q 'CREATE INDEX users_email_idx' <<<"$state" \
  || { echo "state printed an unexpected schema:"; echo "$state"; exit 1; }

step "ESM API at run time"
cat > use-api.mjs <<'JS'
import { loadMigrations, replay, renderStateSql } from 'schema-sync';
const { state, diagnostics } = replay(await loadMigrations('migrations'));
if (diagnostics.length || !renderStateSql(state).includes('CREATE TABLE public.users')) { console.error('API replay failed', diagnostics); process.exit(1); }
console.log('api ok');
JS
node use-api.mjs

step "types compile without @types/node"
cat > use-api.ts <<'TS'
import { diff, emptyState, loadMigrations, plan, replay, type Plan, type SchemaState } from 'schema-sync';
export async function pending(dir: string): Promise<Plan> {
  const target: SchemaState = replay(await loadMigrations(dir)).state;
  const live = emptyState();
  return plan(diff(target, live), live, { allowDestructive: false });
}
TS
cat > tsconfig.json <<'JSON'
{ "compilerOptions": { "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext", "strict": true, "noEmit": true, "types": [], "skipLibCheck": false }, "files": ["use-api.ts"] }
JSON
node "$repo/node_modules/typescript/bin/tsc" -p tsconfig.json

step "ok: $(basename "$tarball") ($(du -k "$tarball" | cut -f1) kB) installs and runs without dev dependencies"
