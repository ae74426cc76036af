// golden.h — test support: golden files. goldenText() is what a golden test
// compares its output with: the file's text, or — with the environment
// variable AGENTPOL_UPDATE_GOLDEN set — the output itself, after writing it
// to the file (review the diff before committing). Used by the IR dump and
// disassembly golden tests.
#pragma once

#include <string>

namespace agentpol::test {

// The expected text for `got` from golden file `path` ("" when the file is
// missing and not being updated, so the comparison fails).
std::string goldenText(const std::string& path, const std::string& got);

}  // namespace agentpol::test
