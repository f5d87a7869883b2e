#!/usr/bin/env bash
# `npm run openapi:lint`: export the OpenAPI document (no database needed) and
# lint it with Redocly CLI using redocly.yaml. Fails on any error.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$PRAGUE_GRANTS_ROOT"

ensure_node_deps
ensure_build

log "exporting dist/openapi.json"
node dist/apps/api/src/openapi/export-openapi.js dist/openapi.json

log "redocly lint"
# No telemetry or update check: the CLI must not call out of this machine.
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  npx redocly lint dist/openapi.json --config redocly.yaml --format stylish
