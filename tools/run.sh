#!/usr/bin/env bash
# The main job: install what is missing, build agentpolc, then take the
# shipped billing example through the whole pipeline: check (parse + types),
# verify (Z3: built-in checks and asserts), build a bundle, disassemble it,
# decide a request with it, and run the example's test cases; then the MCP
# gateway (tools/run_gateway.sh): one allowed and one denied call through it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh
AGENTPOLC=build/compiler/driver/agentpolc
EXAMPLE=examples/billing
BUNDLE=build/billing.apb
# The example's agents were reviewed in autumn 2026; verify as of a fixed day
# so the inventory check gives the same answer whenever this runs.
TODAY=2026-11-28

step() { echo; echo "== $*"; }

step "agentpolc check $EXAMPLE"
"$AGENTPOLC" check "$EXAMPLE"
echo "no errors"

step "agentpolc verify $EXAMPLE --today $TODAY"
"$AGENTPOLC" verify "$EXAMPLE" --today "$TODAY"

step "agentpolc build $EXAMPLE -o $BUNDLE"
"$AGENTPOLC" build "$EXAMPLE" -o "$BUNDLE"

step "agentpolc disasm $BUNDLE (first lines)"
"$AGENTPOLC" disasm "$BUNDLE" | head -n 25

step "agentpolc eval $BUNDLE --request $EXAMPLE/request.json"
"$AGENTPOLC" eval "$BUNDLE" --request "$EXAMPLE/request.json"

step "agentpolc test $BUNDLE --tests $EXAMPLE/tests"
"$AGENTPOLC" test "$BUNDLE" --tests "$EXAMPLE/tests"

# The MCP gateway: examples/mcp_filesystem through agentpol-mcp.
bash tools/run_gateway.sh
