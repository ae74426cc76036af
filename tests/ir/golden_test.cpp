// golden_test.cpp — every golden/*.agentpol is checked, lowered and dumped;
// the dump must equal golden/<name>.ir. AGENTPOL_UPDATE_GOLDEN=1 rewrites the
// .ir files (review the diff before committing).
#include <catch2/catch.hpp>

#include <filesystem>

#include "golden.h"
#include "ir/dump.h"
#include "ir/lower.h"
#include "policy_load.h"

namespace agentpol {
namespace fs = std::filesystem;

TEST_CASE("IR dumps match the golden files", "[ir][golden]") {
  size_t cases = 0;
  for (const auto& e : fs::directory_iterator(AGENTPOL_IR_GOLDEN_DIR)) {
    if (e.path().extension() != ".agentpol") continue;
    ++cases;
    auto loaded = test::loadPolicyFiles({e.path().string()});
    INFO(e.path().filename().string() << "\n" << loaded->diagnostics());
    REQUIRE(loaded->policy);
    std::string got = ir::dump(ir::lower(*loaded->policy), *loaded->policy);
    fs::path expected = e.path();
    expected.replace_extension(".ir");
    CHECK(got == test::goldenText(expected.string(), got));
  }
  CHECK(cases >= 5);
}

}  // namespace agentpol
