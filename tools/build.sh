#!/usr/bin/env bash
# Configures and builds agentpol into build/ (Ninja, RelWithDebInfo) after
# installing the Debian packages it needs. Extra arguments go to cmake's
# configure step; TARGETS="agentpolc …" builds only those targets (default:
# everything). Used by tools/run.sh (TARGETS=agentpolc) and tools/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
BUILD_DIR=${BUILD_DIR:-build}
# A developer's ccache, when there is one, makes rebuilds across clones and
# worktrees cheap; CI works without it.
LAUNCHER=()
if command -v ccache >/dev/null 2>&1; then
  LAUNCHER=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${LAUNCHER[@]}" "$@" > "$BUILD_DIR.configure.log" 2>&1 \
  || { cat "$BUILD_DIR.configure.log"; exit 1; }
TARGET_ARGS=()
for t in ${TARGETS:-}; do TARGET_ARGS+=(--target "$t"); done
cmake --build "$BUILD_DIR" -j "${JOBS:-2}" "${TARGET_ARGS[@]}"
