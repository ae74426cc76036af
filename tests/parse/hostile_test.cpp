// hostile_test.cpp — inputs no one should write: random bytes and random
// token soup (fixed seeds, many iterations), every prefix of the billing
// policy, huge runs of NULs. Nothing may crash; every diagnostic must be an
// E00xx with a range inside the file and none may leak ANTLR's wording.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include <llvm/Support/Casting.h>

#include "diag/render.h"
#include "parse_test_util.h"

using namespace agentpol;
using agentpol::test::parseText;

namespace {

// Checks the properties every parse must have, whatever the input.
void checkWellBehaved(const test::Parsed& p, const std::string& src) {
  for (const diag::Diagnostic& d : p.diags.all()) {
    INFO(d.message);
    CHECK(std::string(d.code()).rfind("E00", 0) == 0);
    CHECK(d.range.valid());
    CHECK(d.range.begin <= d.range.end);
    CHECK(d.range.end <= src.size());
    for (const char* antlr : {"extraneous", "mismatched", "expecting", "no viable", "<missing", "<EOF>", "token recognition"})
      CHECK(d.message.find(antlr) == std::string::npos);
    CHECK(!diag::renderText(p.sm, d).empty());
  }
}

const char* const kSoup[] = {
    "permit", "forbid", "escalate", "agent", "user", "to", "when", "unless", "assert", "for", "def", "entity",
    "record", "enum", "action", "context", "namespace", "import", "if", "then", "else", "has", "in", "like",
    "true", "false", "now", "x", "y", "Set", "Money", "(", ")", "[", "]", "{", "}", "<", ">", ",", ";", ":",
    ".", "=", "==", "!=", "<=", ">=", "&&", "||", "=>", "!", "-", "+", "*", "?", "@", "@id(\"r\")", "\"s\"",
    "\"a*\"", "42", "49.99", "EUR", "15m", "2026-10-01", "2026-11-28T14:03:00Z", "/*", "*/", "//", "\"",
    "\n", " ", "#", "12EUR", "\\",
};

}  // namespace

TEST_CASE("random bytes never crash the parser", "[hostile]") {
  std::mt19937 rng(20261128);
  for (int i = 0; i < 3000; ++i) {
    std::string src(rng() % 200, '\0');
    for (char& c : src) c = static_cast<char>(rng() % 256);
    auto p = parseText(src);
    checkWellBehaved(p, src);
    if (src.size() >= 16) CHECK(p.diags.hasErrors());  // 16 random bytes are never a policy
  }
}

TEST_CASE("random token soup never crashes and always reports", "[hostile]") {
  std::mt19937 rng(42);
  size_t withErrors = 0, iterations = 3000;
  for (size_t i = 0; i < iterations; ++i) {
    std::string src;
    for (size_t n = rng() % 60; n > 0; --n) src += std::string(kSoup[rng() % std::size(kSoup)]) + " ";
    auto p = parseText(src);
    checkWellBehaved(p, src);
    withErrors += p.diags.hasErrors();
  }
  CHECK(withErrors > iterations * 9 / 10);
}

TEST_CASE("every prefix of the billing policy", "[hostile]") {
  std::string full = test::readFile(std::string(AGENTPOL_SHARED_DIR) + "/conformance/billing/policy.agentpol");
  auto whole = parseText(full);
  REQUIRE(whole.diags.all().empty());
  for (size_t cut = 0; cut <= full.size(); ++cut) {
    std::string src = full.substr(0, cut);
    auto p = parseText(src);
    INFO("cut at " << cut << "\n" << p.rendered());
    checkWellBehaved(p, src);
    CHECK(p.diags.all().size() <= 2);  // cascades are suppressed
    // Cut strictly inside a rule or assert (after its first token, before its
    // `;`): exactly one lexical or syntax error (a cut money literal, `50 E`,
    // may add its own currency error).
    for (const ast::DeclPtr& d : whole.file.decls) {
      bool statement = llvm::isa<ast::RuleDecl>(d.get()) || llvm::isa<ast::AssertDecl>(d.get());
      if (!statement || cut <= d->range.begin || cut >= d->range.end) continue;
      std::vector<std::string> codes = p.codes();
      CHECK(std::count_if(codes.begin(), codes.end(), [](const std::string& c) { return c <= "E0007"; }) == 1);
    }
  }
}

TEST_CASE("a megabyte of NULs is one diagnostic", "[hostile]") {
  std::string src(1 << 20, '\0');
  auto p = parseText(src);
  checkWellBehaved(p, src);
  CHECK(p.codes() == std::vector<std::string>{"E0002"});
}

TEST_CASE("a long line of garbage gives few diagnostics", "[hostile]") {
  std::string src = "permit user to b when " + std::string(100000, '#') + ";";
  auto p = parseText(src);
  checkWellBehaved(p, src);
  CHECK(p.codes() == std::vector<std::string>{"E0002"});
}

TEST_CASE("recovered declarations are kept", "[hostile]") {
  auto p = parseText("permit agent a to b when x > 1\npermit agent c to d;\nentity E { a: }\nentity F {}\n");
  CHECK(p.codes() == std::vector<std::string>{"E0005", "E0005"});
  CHECK(p.dump() ==
        "(rule permit (agents a) (actions b)\n  (when (> x 1)))\n"
        "(rule permit (agents c) (actions d))\n"
        "(entity F)\n");
}
