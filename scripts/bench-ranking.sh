#!/usr/bin/env bash
# `npm run bench:ranking [-- args]`: the ranking and funding-proposal benchmark.
# Its database (default prague_grants_bench_ranking, apart from bench:submit's)
# is dropped and recreated by the benchmark itself; arguments go to
# dist/bench/ranking.bench.js (`npm run bench:ranking -- --help`).
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$PRAGUE_GRANTS_ROOT"

ensure_node_deps

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/prague_grants_bench_ranking}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"

ensure_postgres "$DATABASE_URL"
ensure_redis "$REDIS_URL"
ensure_build

[[ -f dist/bench/ranking.bench.js ]] || die "dist/bench/ranking.bench.js was not built (is bench/ranking.bench.ts there?)"
exec node dist/bench/ranking.bench.js "$@"
