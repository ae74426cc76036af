#!/usr/bin/env bash
# The gateway part of the main job (tools/run.sh calls it after the billing
# pipeline, with agentpolc and agentpol-mcp built): examples/mcp_filesystem
# verified and built, then `agentpol-mcp run` in front of the official MCP
# filesystem server (npm, pinned in tests/gateway) with one allowed and one
# denied tools/call and one escalated write approved by a person
# (`agentpol-mcp approvals approve`), and the audit lines they left.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
AGENTPOLC=$BUILD_DIR/compiler/driver/agentpolc
GATEWAY=$BUILD_DIR/gateway/agentpol-mcp
NPM_DIR=$BUILD_DIR/tests/gateway/e2e
EXAMPLE=examples/mcp_filesystem
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

step() { echo; echo "== $*"; }

step "agentpolc verify $EXAMPLE --today 2026-11-28"
"$AGENTPOLC" verify "$EXAMPLE" --today 2026-11-28 | tail -n 1

step "the MCP client, SDK and filesystem server from npm (npm ci, pinned)"
bash tests/gateway/npm_setup.sh "$NPM_DIR"

# The example guards /srv/docs; here a scratch folder stands in for it.
DOCS=$WORK/docs
mkdir -p "$DOCS" "$WORK/policy"
echo "# Guide" > "$DOCS/guide.md"
for f in "$EXAMPLE"/*.agentpol; do sed "s|/srv/docs|$DOCS|g" "$f" > "$WORK/policy/$(basename "$f")"; done
"$AGENTPOLC" build "$WORK/policy" -o "$WORK/mcp_filesystem.apb"

step "agentpol-mcp run --agent docs_editor -- server-filesystem: one allowed call, one denied, one write approved"
# The demo client imports the SDK, which Node resolves from the script's own
# folder: it runs from the npm folder, next to node_modules.
cp tests/gateway/run_demo.mjs "$NPM_DIR/run_demo.mjs"
SERVER=$NPM_DIR/node_modules/@modelcontextprotocol/server-filesystem/dist/index.js
node "$NPM_DIR/run_demo.mjs" "$GATEWAY" "$WORK/mcp_filesystem.apb" "$WORK/state" "$WORK/audit.jsonl" "$DOCS" "$SERVER"

step "the audit lines of those calls"
grep '"audit_id"' "$WORK/audit.jsonl"
