#!/usr/bin/env bash
# `npm run bench:web`: the portal's download budgets — gzip size of the initial
# JavaScript of the applicant entry (≤ 200 KB) and of each staff entry (≤ 350 KB),
# with their largest modules (bench/web.bench.ts). Exits 1 when a budget is broken.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$PRAGUE_GRANTS_ROOT"

ensure_node_deps
ensure_build
exec node dist/bench/web.bench.js "$@"
