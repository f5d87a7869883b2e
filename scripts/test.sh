#!/usr/bin/env bash
# `npm test`: unit tests, the end-to-end tests against PostgreSQL + Redis, then
# the portal's browser tests (Playwright on Debian's Chromium).
#
#   scripts/test.sh                  unit, e2e, then web
#   scripts/test.sh unit [jest args] unit tests only
#   scripts/test.sh e2e [jest args]  e2e tests only (needs PostgreSQL and Redis)
#   scripts/test.sh web [pw args]    browser tests only (builds, starts its own API + worker)
#   scripts/test.sh [jest args]      unit and e2e with the arguments, then web
#
# Does not read .env: the e2e suite recreates DATABASE_URL's database, whose
# name must contain "test" (default prague_grants_test).
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$PRAGUE_GRANTS_ROOT"

mode=all
case ${1:-} in
  unit | e2e | web | all)
    mode=$1
    shift
    ;;
  -h | --help)
    sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
esac

ensure_node_deps
# Letter tests (unit and e2e) read the PDFs' text with poppler's pdftotext.
ensure_tool pdftotext poppler-utils

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/prague_grants_test}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export JWT_SECRET="${JWT_SECRET:-test-only-secret-of-at-least-thirty-two-characters!!}"
export AUTH_THROTTLE_LIMIT="${AUTH_THROTTLE_LIMIT:-100000}"
export REGISTER_THROTTLE_LIMIT="${REGISTER_THROTTLE_LIMIT:-100000}"
export PUBLIC_THROTTLE_LIMIT="${PUBLIC_THROTTLE_LIMIT:-100000}"
export LOGIN_MAX_FAILURES="${LOGIN_MAX_FAILURES:-10}"

db_name=$(node -e 'process.stdout.write(decodeURIComponent(new URL(process.argv[1]).pathname.slice(1)))' "$DATABASE_URL" 2>/dev/null) ||
  die "DATABASE_URL is not a valid URL: $(redact_url "$DATABASE_URL")"
if [[ $db_name != *test* ]]; then
  die "refusing to run the tests against database \"$db_name\": the e2e tests drop and recreate it," \
    "so its name must contain \"test\" (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/prague_grants_test)."
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# With a filter given for both suites, one of them may match nothing.
extra=()
[[ $mode == all && $# -gt 0 ]] && extra=(--passWithNoTests)

failed=0
run_jest() {
  local name=$1
  shift
  log "jest: $name tests"
  npx jest "$@" "${extra[@]}" --json --outputFile="$results/$name.json" || failed=1
}

if [[ $mode == unit || $mode == all ]]; then
  run_jest unit --config jest.unit.config.js "$@"
fi
if [[ $mode == e2e || $mode == all ]]; then
  ensure_postgres "$DATABASE_URL"
  ensure_redis "$REDIS_URL"
  # The Redis-down test starts a redis-server of its own.
  ensure_tool redis-server redis-server
  run_jest e2e --config jest.e2e.config.js --runInBand "$@"
fi
if [[ $mode == web || $mode == all ]]; then
  # Debian's Chromium: Playwright's own browser downloads cannot be reached here.
  ensure_tool chromium chromium
  ensure_postgres "${WEB_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/prague_grants_web_test}"
  ensure_redis "$REDIS_URL"
  ensure_build
  log "playwright: browser tests"
  web_args=()
  [[ $mode == web ]] && web_args=("$@")
  PW_JSON_OUTPUT="$results/web.json" npx playwright test -c test/web/playwright.config.ts "${web_args[@]}" || failed=1
fi

# One closing line over every suite that ran: "tests: N passed, N failed".
# shellcheck disable=SC2016 # JavaScript template literals, not shell
node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, pending = 0;
  for (const file of process.argv.slice(1)) {
    if (!fs.existsSync(file)) continue;
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    if (r.stats && r.config) {
      // Playwright: flaky tests passed on a retry (the config allows none).
      passed += r.stats.expected + r.stats.flaky; failed += r.stats.unexpected; pending += r.stats.skipped;
      continue;
    }
    passed += r.numPassedTests; failed += r.numFailedTests; pending += r.numPendingTests + (r.numTodoTests || 0);
  }
  console.log(`tests: ${passed} passed, ${failed} failed` + (pending ? `, ${pending} skipped` : ""));
' "$results/unit.json" "$results/e2e.json" "$results/web.json" || true

exit "$failed"
