#!/usr/bin/env bash
# `npm run bench:letters [-- args]`: the letters benchmark (1,000 approvals
# over HTTP, one worker process rendering their decision letters; the same
# letter rendered in-process in pdfkit's Helvetica as the baseline). Its
# database (default prague_grants_bench_letters, apart from the other
# benchmarks') is dropped and recreated by the benchmark itself; its queue
# keys live under their own QUEUE_PREFIX and are deleted at the end; arguments
# go to dist/bench/letters.bench.js (`npm run bench:letters -- --help`).
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$PRAGUE_GRANTS_ROOT"

ensure_node_deps

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/prague_grants_bench_letters}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"

ensure_postgres "$DATABASE_URL"
ensure_redis "$REDIS_URL"
ensure_build

[[ -f dist/bench/letters.bench.js ]] || die "dist/bench/letters.bench.js was not built (is bench/letters.bench.ts there?)"
[[ -f dist/apps/worker/src/main.js ]] || die "dist/apps/worker/src/main.js was not built (npm run build)"
exec node dist/bench/letters.bench.js "$@"
