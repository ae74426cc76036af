#!/usr/bin/env bash
# Installs every Debian package agentpol's build, tests, benchmarks and fuzzers
# need. Idempotent: does nothing (and needs no network) when all are present.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  default-jre-headless antlr4 libantlr4-runtime-dev
  libz3-dev libfmt-dev catch2 nlohmann-json3-dev
  llvm-14-dev clang-14 libclang-rt-14-dev
  libbenchmark-dev
  libsimdjson-dev libsqlite3-dev sqlite3 libssl-dev libcpp-httplib-dev
  pybind11-dev python3-dev python3-pytest
  nodejs
)

missing=()
for p in "${PACKAGES[@]}"; do
  # No pipe into `grep -q`: it may exit before dpkg-query is done writing,
  # and under pipefail the SIGPIPE would count the package as missing.
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
