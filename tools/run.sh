#!/usr/bin/env bash
# The main job: install what is missing, build agentpolc, then take the
# shipped billing example through the pipeline: check it (parse + types).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh
AGENTPOLC=build/compiler/driver/agentpolc
EXAMPLE=examples/billing

echo "== agentpolc check $EXAMPLE"
"$AGENTPOLC" check "$EXAMPLE"
echo "ok: $EXAMPLE checks clean"
