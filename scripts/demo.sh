#!/usr/bin/env bash
# `npm run demo`: from a fresh clone to a running API with demo data.
#
# Installs dependencies, creates .env (with a random JWT_SECRET) when missing,
# makes sure PostgreSQL and Redis run, builds, creates the database, runs the
# migrations, seeds demo data (prints the portal's address and the demo logins)
# and starts the letters worker (in the background) and the API, which serves
# the portal at http://localhost:3000/.
# Variables already set in the environment take precedence over .env.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$PRAGUE_GRANTS_ROOT"

ensure_node_deps

random_secret() {
  node -e 'process.stdout.write(require("crypto").randomBytes(48).toString("base64url"))'
}

# Replace the JWT_SECRET line of .env with a freshly generated secret.
write_jwt_secret() {
  local secret tmp
  secret=$(random_secret)
  tmp=$(mktemp)
  awk -v secret="$secret" '
    /^[[:space:]]*(export[[:space:]]+)?JWT_SECRET[[:space:]]*=/ { print "JWT_SECRET=" secret; done = 1; next }
    { print }
    END { if (!done) print "JWT_SECRET=" secret }
  ' .env >"$tmp"
  cat "$tmp" >.env
  rm -f "$tmp"
}

if [[ ! -f .env ]]; then
  [[ -f .env.example ]] || die ".env.example is missing; cannot create .env"
  (umask 077 && cp .env.example .env)
  write_jwt_secret
  log "created .env from .env.example with a freshly generated JWT_SECRET (edit it to change settings)"
elif grep -Eq '^[[:space:]]*JWT_SECRET[[:space:]]*=[[:space:]]*"?change-me' .env; then
  write_jwt_secret
  log "replaced the placeholder JWT_SECRET in .env with a freshly generated one"
fi
load_env_file .env

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/prague_grants}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export PORT="${PORT:-3000}"

ensure_postgres "$DATABASE_URL"
ensure_redis "$REDIS_URL"
ensure_build

log "database"
node scripts/create-database.js
log "migrations"
run_migrations
node scripts/create-database.js --set-app-password
log "demo data"
node dist/apps/api/src/demo/seed.js

log "starting the letters worker (log: /tmp/prague-grants-worker.log)"
node --max-old-space-size=192 dist/apps/worker/src/main.js >/tmp/prague-grants-worker.log 2>&1 &
worker=$!
# Ctrl-C stops both; the worker finishes the letter in hand first.
trap 'kill -TERM "$worker" 2>/dev/null; wait "$worker" 2>/dev/null' EXIT

log "starting the API and the portal: http://localhost:${PORT}/  (Swagger UI /api/docs, queue dashboard /admin/queues; Ctrl-C stops both)"
node --max-old-space-size=256 dist/apps/api/src/main.js
