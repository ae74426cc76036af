#!/usr/bin/env bash
# The main job: install what is missing, build what it needs (agentpolc and
# agentpol-mcp, not the test suite), then take the shipped billing example
# through the whole pipeline: check (parse + types), verify (Z3: built-in
# checks and asserts), build a bundle, disassemble it, decide a request with
# it, decide it again from Python (`import agentpol`), and run the example's
# test cases; then the MCP gateway
# (tools/run_gateway.sh): one allowed and one denied call through it. The
# last line says that every step passed; any failing step stops the job with
# its exit code before that line.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGETS="agentpolc agentpol-mcp agentpol_python" bash tools/build.sh
AGENTPOLC=build/compiler/driver/agentpolc
EXAMPLE=examples/billing
BUNDLE=build/billing.apb
DISASM=build/billing.disasm.txt
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

# Into a file first, then its first lines: piping disasm into `head` would
# kill disasm with SIGPIPE when head stops reading (and fail the job under
# pipefail).
step "agentpolc disasm $BUNDLE (first 25 of $DISASM)"
"$AGENTPOLC" disasm "$BUNDLE" > "$DISASM"
sed -n 1,25p "$DISASM"

step "agentpolc eval $BUNDLE --request $EXAMPLE/request.json"
"$AGENTPOLC" eval "$BUNDLE" --request "$EXAMPLE/request.json"

# The Python package from the build tree, with the interpreter it is built for.
step "python3 (import agentpol): engine.decide($EXAMPLE/request.json)"
PYTHONPATH=build/bindings/python /usr/bin/python3 -c 'import agentpol, json, sys
engine = agentpol.Engine(agentpol.load(sys.argv[1]))
print(engine.decide(json.load(open(sys.argv[2]))))' "$BUNDLE" "$EXAMPLE/request.json"

step "agentpolc test $BUNDLE --tests $EXAMPLE/tests"
"$AGENTPOLC" test "$BUNDLE" --tests "$EXAMPLE/tests"

# The MCP gateway: examples/mcp_filesystem through agentpol-mcp.
bash tools/run_gateway.sh

echo
echo "== main job finished: every step passed"
