#!/usr/bin/env bash
# The gateway tests' npm packages (the official MCP SDK and servers, pinned in
# package.json + package-lock.json) installed into DIR with `npm ci`, unless
# the lockfile installed there last time is the same. Run as a ctest fixture.
set -euo pipefail
dir=$1
stamp="$dir/node_modules/.agentpol-installed-lock"
if [ -f "$stamp" ] && cmp -s "$stamp" "$dir/package-lock.json"; then
  echo "npm packages already installed from this lockfile"
  exit 0
fi
cd "$dir"
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
