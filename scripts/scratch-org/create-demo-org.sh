#!/usr/bin/env bash
# Creates a scratch org from config/project-scratch-def.json and seeds the Access X-Ray demo
# org (Kestrel Instruments) into it. Needs a Dev Hub: `sf org login web --set-default-dev-hub`.
#
#   scripts/scratch-org/create-demo-org.sh [alias] [days]     (defaults: axray-demo, 7)
#
# sfdx-project.json names the placeholder namespace "axray"; the scratch org is created without a
# namespace unless AXR_WITH_NAMESPACE=1 (needs that namespace registered and linked to your Dev Hub).
set -euo pipefail

ALIAS="${1:-axray-demo}"
DAYS="${2:-7}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SF="${SF:-npx --no-install sf}"

NAMESPACE_FLAG="--no-namespace"
if [ "${AXR_WITH_NAMESPACE:-}" = "1" ]; then NAMESPACE_FLAG=""; fi

cd "$ROOT"
echo "==> Creating scratch org '$ALIAS' for $DAYS days (config/project-scratch-def.json)"
$SF org create scratch --definition-file config/project-scratch-def.json --alias "$ALIAS" --duration-days "$DAYS" --set-default --wait 15 $NAMESPACE_FLAG

exec "$ROOT/scripts/scratch-org/seed.sh" "$ALIAS"
