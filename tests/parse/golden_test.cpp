// golden_test.cpp — AST dump golden tests: each golden/NAME.agentpol must
// parse without diagnostics and dump exactly to golden/NAME.ast. Run with
// AGENTPOL_UPDATE_GOLDEN=1 to rewrite the .ast files (then review the diff).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "parse_test_util.h"

namespace fs = std::filesystem;
using agentpol::test::parseText;
using agentpol::test::readFile;

namespace {

std::vector<std::string> goldenSources() {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(AGENTPOL_PARSE_GOLDEN_DIR))
    if (entry.path().extension() == ".agentpol") out.push_back(entry.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

bool updating() {
  const char* v = std::getenv("AGENTPOL_UPDATE_GOLDEN");
  return v && std::string(v) == "1";
}

}  // namespace

TEST_CASE("golden AST dumps", "[golden]") {
  std::vector<std::string> sources = goldenSources();
  REQUIRE(sources.size() >= 8);
  for (const std::string& source : sources) {
    DYNAMIC_SECTION(fs::path(source).filename().string()) {
      auto parsed = parseText(readFile(source), fs::path(source).filename().string());
      INFO(parsed.rendered());
      CHECK(parsed.diags.all().empty());
      std::string expectedPath = fs::path(source).replace_extension(".ast").string();
      if (updating()) {
        std::ofstream(expectedPath, std::ios::binary) << parsed.dump();
        WARN("updated " << expectedPath);
      } else {
        REQUIRE(fs::exists(expectedPath));
        CHECK(parsed.dump() == readFile(expectedPath));
      }
    }
  }
}
