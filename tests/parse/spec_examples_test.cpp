// spec_examples_test.cpp — real policies parse without diagnostics: the
// conformance billing policy (shared/), the repository's examples/ and the
// shipped stdlib/. Spot checks that the billing AST holds the right values.
#include <catch2/catch.hpp>

#include <filesystem>

#include <llvm/Support/Casting.h>

#include "parse_test_util.h"

namespace fs = std::filesystem;
using namespace agentpol;
using agentpol::test::parseText;
using agentpol::test::readFile;

TEST_CASE("the conformance billing policy parses clean", "[spec]") {
  std::string path = std::string(AGENTPOL_SHARED_DIR) + "/conformance/billing/policy.agentpol";
  auto p = parseText(readFile(path), "policy.agentpol");
  INFO(p.rendered());
  REQUIRE(p.diags.all().empty());
  REQUIRE(p.file.decls.size() == 25);

  size_t rules = 0, asserts = 0;
  for (const ast::DeclPtr& d : p.file.decls) {
    rules += llvm::isa<ast::RuleDecl>(d.get());
    asserts += llvm::isa<ast::AssertDecl>(d.get());
  }
  CHECK(rules == 9);
  CHECK(asserts == 2);

  // `@id("small-refunds")` / `permit agent billing_assist_07 to refund` on line 41.
  const auto* small = llvm::dyn_cast<ast::RuleDecl>(p.file.decls[15].get());
  REQUIRE(small);
  REQUIRE(small->annotations.size() == 1);
  CHECK(small->annotations[0].key.name == "id");
  CHECK(small->annotations[0].value == "small-refunds");
  CHECK(p.sm.lineCol(p.file.id, small->effectRange.begin).line == 41);
  CHECK(p.sm.text(p.file.id).substr(small->effectRange.begin, 6) == "permit");
}

TEST_CASE("the repository's examples and stdlib parse clean", "[spec]") {
  size_t files = 0;
  for (const char* dir : {"examples", "stdlib"}) {
    fs::path root = fs::path(AGENTPOL_PARSE_GOLDEN_DIR).parent_path().parent_path().parent_path() / dir;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (entry.path().extension() != ".agentpol") continue;
      ++files;
      auto p = parseText(readFile(entry.path().string()), entry.path().filename().string());
      INFO(entry.path().string() << "\n" << p.rendered());
      CHECK(p.diags.all().empty());
      CHECK(!p.file.decls.empty());
    }
  }
  CHECK(files > 0);
}
