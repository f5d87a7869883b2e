#!/usr/bin/env bash
# `npm run migration:check`: do the migrations produce exactly the schema the
# entities describe?
#
# Builds, recreates a scratch database (default prague_grants_drift_test on the
# server of DATABASE_URL, which defaults to the local one), runs every
# migration from zero, then asks TypeORM to generate a migration in check mode.
# Prints "migrations match entities", or the missing SQL and exits 1.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$PRAGUE_GRANTS_ROOT"

ensure_node_deps

base_url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/prague_grants}"
drift_db="${MIGRATION_CHECK_DATABASE:-prague_grants_drift_test}"
[[ $drift_db == *test* ]] || die "MIGRATION_CHECK_DATABASE must contain \"test\" (it is dropped and recreated)."

DATABASE_URL=$(node -e '
  const url = new URL(process.argv[1]);
  url.pathname = "/" + encodeURIComponent(process.argv[2]);
  process.stdout.write(url.href);
' "$base_url" "$drift_db") || die "DATABASE_URL is not a valid URL: $(redact_url "$base_url")"
export DATABASE_URL

ensure_postgres "$DATABASE_URL"
ensure_build

log "recreating $drift_db and migrating it from zero"
node scripts/create-database.js --recreate
run_migrations

log "comparing the migrated schema with the entities"
output=$(mktemp)
trap 'rm -f "$output"' EXIT
status=0
npm run --silent migration:generate -- migrations/Drift --dryrun --check >"$output" 2>&1 || status=$?

if ((status == 0)); then
  node scripts/create-database.js --drop >/dev/null
  echo "migrations match entities"
  exit 0
fi
cat "$output" >&2
if grep -q 'Unexpected changes in database schema' "$output"; then
  echo "error: migrations differ from entities: the SQL above is what a new migration needs" \
    "(generate it with: npm run build && npm run migration:generate -- migrations/<Name>)" >&2
else
  echo "error: the migration check itself failed (see above)" >&2
fi
exit 1
