#!/usr/bin/env bash
# `npm run bench:submit [-- args]`: the application-submission benchmark.
# Its database (default prague_grants_bench) is dropped and recreated by the
# benchmark itself; arguments go to dist/bench/submit.bench.js.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$PRAGUE_GRANTS_ROOT"

ensure_node_deps

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/prague_grants_bench}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"

ensure_postgres "$DATABASE_URL"
ensure_redis "$REDIS_URL"
ensure_build

[[ -f dist/bench/submit.bench.js ]] || die "dist/bench/submit.bench.js was not built (is bench/submit.bench.ts there?)"
exec node dist/bench/submit.bench.js "$@"
