#!/usr/bin/env bash
# Pre-flight checks for scripts/sync-production-schema.ts, e.g. before a deploy:
#   1. the sync script exists;
#   2. the migrations load, parse and replay (schema-sync state exits 1 on any error);
#   3. DATABASE_URL names a supported database (postgres://, postgresql://, pglite:); a missing
#      DATABASE_URL is only a warning here (the sync script itself refuses to run without it).
# Prints one ✓/✗ line per check; exits 1 when any check failed.
#
#   scripts/verify-sync-script.sh                    # migrations from alembic-versions/
#   MIGRATIONS=path/to/versions scripts/verify-sync-script.sh
set -euo pipefail

ORIGINAL_PWD="$PWD"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SYNC_SCRIPT="scripts/sync-production-schema.ts"
MIGRATIONS="${MIGRATIONS:-alembic-versions}"
# A relative MIGRATIONS given from another directory means that directory's path.
if [[ "$MIGRATIONS" != /* && "$ORIGINAL_PWD" != "$ROOT" && -e "$ORIGINAL_PWD/$MIGRATIONS" ]]; then
  MIGRATIONS="$ORIGINAL_PWD/$MIGRATIONS"
fi
cd "$ROOT"

failures=0
pass() { printf '✓ %s\n' "$1"; }
fail() { printf '✗ %s\n' "$1"; failures=$((failures + 1)); }
warn() { printf '⚠ %s\n' "$1"; }
# Indents captured output under a check line.
indent() { sed 's/^/    /'; }

# Masks the password of scheme://user:password@host URLs and of password= parameters.
redact() {
  printf '%s' "$1" | sed -E \
    -e 's#^([A-Za-z][A-Za-z0-9+.-]*://[^:/?@]*):.*@#\1:***@#' \
    -e 's#([?&](ssl)?password=)[^&]*#\1***#g'
}

# 1. The sync script.
if [[ -f "$SYNC_SCRIPT" ]]; then
  pass "sync script present: $SYNC_SCRIPT"
else
  fail "sync script missing: $SYNC_SCRIPT"
fi

# 2. The migrations load, parse and replay without errors.
if output="$(npx --no-install tsx src/cli/main.ts state -q --migrations "$MIGRATIONS" 2>&1 >/dev/null)"; then
  pass "migrations load and replay: $MIGRATIONS"
  warnings="$(grep -c ': warning: ' <<<"$output" || true)"
  if [[ "$warnings" -gt 0 ]]; then
    warn "$warnings statement(s) not modelled (run: npx tsx src/cli/main.ts state --migrations $MIGRATIONS)"
  fi
else
  fail "migrations do not load or replay: $MIGRATIONS"
  grep -v '^npm warn' <<<"$output" | indent || true
fi

# 3. The database configuration.
if [[ -z "${DATABASE_URL:-}" ]]; then
  warn "DATABASE_URL is not set: the sync script will refuse to run until it is"
else
  shown="$(redact "$DATABASE_URL")"
  case "$DATABASE_URL" in
    postgres://?* | postgresql://?* | pglite:?*)
      pass "DATABASE_URL is set: $shown"
      ;;
    *)
      fail "DATABASE_URL has an unsupported form: $shown (expected postgres://..., postgresql://... or pglite:<dir>)"
      ;;
  esac
fi

if [[ "$failures" -gt 0 ]]; then
  printf '%d check(s) failed\n' "$failures"
  exit 1
fi
printf 'all checks passed\n'
