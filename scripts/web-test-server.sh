#!/usr/bin/env bash
# The system the portal's browser tests drive (started by test/web/playwright.config.ts):
# a fresh database with the demo data, the letters worker and the API serving the
# built portal, on their own port, database, Redis database and queue prefix so
# they never touch the demo or the other test suites.
#
#   WEB_TEST_PORT        (default 3100)
#   WEB_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/prague_grants_web_test; name must contain "test")
#   WEB_TEST_REDIS_URL   (default redis://127.0.0.1:6379/5)
#   WEB_ROOT             the built portal to serve (default dist/web)
#   WEB_TEST_SKIP_BUILD=1  use dist/ as it is (developers running several checkouts' tests at once)
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$PRAGUE_GRANTS_ROOT"

export PORT="${WEB_TEST_PORT:-3100}"
export DATABASE_URL="${WEB_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/prague_grants_web_test}"
export REDIS_URL="${WEB_TEST_REDIS_URL:-redis://127.0.0.1:6379/5}"
export QUEUE_PREFIX="${WEB_TEST_QUEUE_PREFIX:-prague-grants-web-test}"
export JWT_SECRET="${JWT_SECRET:-web-test-only-secret-of-at-least-thirty-two-characters}"
export NODE_ENV=test
export LOG_LEVEL="${LOG_LEVEL:-warn}"
# The journeys sign in many times from one address.
export AUTH_THROTTLE_LIMIT=100000
export REGISTER_THROTTLE_LIMIT=100000
export PUBLIC_THROTTLE_LIMIT=100000
export LETTER_BACKOFF_MS=200
export WEB_ROOT="${WEB_ROOT:-$PRAGUE_GRANTS_ROOT/dist/web}"
unset DATABASE_APP_PASSWORD

ensure_node_deps
[[ ${WEB_TEST_SKIP_BUILD:-} == 1 ]] || ensure_build
[[ -f $WEB_ROOT/index.html ]] || die "$WEB_ROOT/index.html is missing: the portal was not built (npm run build)."
ensure_postgres "$DATABASE_URL"
ensure_redis "$REDIS_URL"

node scripts/create-database.js --recreate
run_migrations >/dev/null
node scripts/create-database.js --set-app-password
node dist/apps/api/src/demo/seed.js >/dev/null
node -e '
  const Redis = require("ioredis");
  const redis = new Redis(process.env.REDIS_URL);
  redis.flushdb().finally(() => redis.quit());
'

node --max-old-space-size=192 dist/apps/worker/src/main.js &
worker=$!
trap 'kill -TERM "$worker" 2>/dev/null; wait "$worker" 2>/dev/null' EXIT
node --max-old-space-size=256 dist/apps/api/src/main.js
