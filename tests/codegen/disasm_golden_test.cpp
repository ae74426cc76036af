// disasm_golden_test.cpp — `agentpolc disasm` output pinned down: every
// golden/*.agentpol is compiled and loaded, and its disassembly must equal
// golden/<name>.disasm (tables with `@tool` and optional arguments, rules,
// code). AGENTPOL_UPDATE_GOLDEN=1 rewrites the files (review the diff).
#include <catch2/catch.hpp>

#include <filesystem>

#include "golden.h"
#include "policy_load.h"

namespace agentpol {
namespace fs = std::filesystem;

TEST_CASE("disassembly matches the golden files", "[codegen][golden]") {
  size_t cases = 0;
  for (const auto& e : fs::directory_iterator(std::string(AGENTPOL_SOURCE_DIR) + "/tests/codegen/golden")) {
    if (e.path().extension() != ".agentpol") continue;
    ++cases;
    auto loaded = test::loadPolicyFiles({e.path().string()});
    INFO(e.path().filename().string() << "\n" << loaded->diagnostics());
    REQUIRE(loaded->policy);
    std::string got = test::compileAndLoad(*loaded->policy)->disassemble();
    fs::path expected = e.path();
    expected.replace_extension(".disasm");
    CHECK(got == test::goldenText(expected.string(), got));
  }
  CHECK(cases >= 1);
}

}  // namespace agentpol
