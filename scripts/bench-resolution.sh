#!/usr/bin/env bash
# `npm run bench:resolution [-- args]`: the resolution benchmark (a call of
# 2,000 recommended applications drafted into the Council's resolution and
# adopted in one request, its letters rendered by one worker). Its database
# (default prague_grants_bench_resolution, apart from the other benchmarks')
# is dropped and recreated by the benchmark itself; arguments go to
# dist/bench/resolution.bench.js (`npm run bench:resolution -- --help`).
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$PRAGUE_GRANTS_ROOT"

ensure_node_deps

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/prague_grants_bench_resolution}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"

ensure_postgres "$DATABASE_URL"
ensure_redis "$REDIS_URL"
ensure_build

[[ -f dist/bench/resolution.bench.js ]] || die "dist/bench/resolution.bench.js was not built (is bench/resolution.bench.ts there?)"
[[ -f dist/apps/worker/src/main.js ]] || die "dist/apps/worker/src/main.js was not built (npm run build)"
exec node dist/bench/resolution.bench.js "$@"
