#!/usr/bin/env bash
# `npm run bench:approvals [-- args]`: the approvals benchmark (concurrent
# approvals against one call part, with the decision's own SQL, captured from
# the API and replayed with plain pg clients, as the database's ceiling). Its
# database (default prague_grants_bench_approvals, apart from the other
# benchmarks') is dropped and recreated by the benchmark itself; arguments go
# to dist/bench/approvals.bench.js (`npm run bench:approvals -- --help`).
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$PRAGUE_GRANTS_ROOT"

ensure_node_deps

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/prague_grants_bench_approvals}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"

ensure_postgres "$DATABASE_URL"
ensure_redis "$REDIS_URL"
ensure_build

[[ -f dist/bench/approvals.bench.js ]] || die "dist/bench/approvals.bench.js was not built (is bench/approvals.bench.ts there?)"
exec node dist/bench/approvals.bench.js "$@"
