// limits_test.cpp — one test per hard limit of the parse stage: nesting depth
// (kMaxNesting, E0006) for every construct the parser recurses on, at 20 000
// levels and at the exact boundary, and operators per declaration
// (kMaxOperators, E0020); long flat expressions stay accepted.
#include <catch2/catch.hpp>

#include <string>

#include "parse/parser.h"
#include "parse_test_util.h"

using agentpol::parse::kMaxNesting;
using agentpol::parse::kMaxOperators;
using agentpol::test::parseText;

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::string rule(const std::string& cond) { return "permit user to b when " + cond + ";\n"; }

std::string join(const std::string& sep, int n, const std::string& prefix) {
  std::string out;
  for (int i = 0; i < n; ++i) out += (i ? sep : "") + prefix + std::to_string(i);
  return out;
}

// Parsing `src` reports exactly one diagnostic, with `code`, and builds nothing.
void requireRejected(const std::string& src, const char* code) {
  auto p = parseText(src);
  INFO(p.rendered().substr(0, 300));
  REQUIRE(p.codes() == std::vector<std::string>{code});
  CHECK(p.file.decls.empty());
}

void requireAccepted(const std::string& src) {
  auto p = parseText(src);
  INFO(p.rendered().substr(0, 300));
  REQUIRE(p.diags.all().empty());
  CHECK(p.file.decls.size() == 1);
}

constexpr int kDeep = 20000;

}  // namespace

TEST_CASE("20 000 nested parentheses", "[limits]") {
  requireRejected(rule(repeat("(", kDeep) + "x" + repeat(")", kDeep)), "E0006");
}

TEST_CASE("20 000 nested set literals", "[limits]") {
  requireRejected(rule("x in " + repeat("[", kDeep) + repeat("]", kDeep)), "E0006");
}

TEST_CASE("20 000 nested calls", "[limits]") {
  requireRejected(rule(repeat("f(", kDeep) + "x" + repeat(")", kDeep)), "E0006");
}

TEST_CASE("20 000 prefix !", "[limits]") { requireRejected(rule(repeat("!", kDeep) + "x"), "E0006"); }

TEST_CASE("20 000 unary minus", "[limits]") { requireRejected(rule("x == " + repeat("- ", kDeep) + "1"), "E0006"); }

TEST_CASE("20 000 ifs nested in then-branches", "[limits]") {
  requireRejected(rule(repeat("if c then ", kDeep) + "x" + repeat(" else y", kDeep)), "E0006");
}

TEST_CASE("20 000 ifs nested in conditions", "[limits]") {
  requireRejected(rule(repeat("if ", kDeep) + "c" + repeat(" then x else y", kDeep)), "E0006");
}

TEST_CASE("20 000 else-if branches", "[limits]") {
  requireRejected(rule(repeat("if c then x else ", kDeep) + "y"), "E0006");
}

TEST_CASE("20 000 right-associative implications", "[limits]") {
  requireRejected("assert a: " + repeat("a => ", kDeep) + "a;", "E0006");
}

TEST_CASE("20 000 nested type arguments", "[limits]") {
  requireRejected("entity E { a: " + repeat("Set<", kDeep) + "Int" + repeat(">", kDeep) + " }", "E0006");
}

TEST_CASE("20 000 unclosed parentheses", "[limits]") { requireRejected(rule(repeat("(", kDeep)), "E0006"); }

TEST_CASE("nesting exactly at the limit is accepted, one more is not", "[limits]") {
  requireAccepted(rule(repeat("(", kMaxNesting) + "x" + repeat(")", kMaxNesting)));
  requireRejected(rule(repeat("(", kMaxNesting + 1) + "x" + repeat(")", kMaxNesting + 1)), "E0006");
  requireAccepted(rule(repeat("!", kMaxNesting) + "x"));
  requireRejected(rule(repeat("!", kMaxNesting + 1) + "x"), "E0006");
}

TEST_CASE("the nesting diagnostic points at the first token too deep", "[limits]") {
  auto p = parseText(rule(repeat("(", kDeep)));
  REQUIRE(p.diags.all().size() == 1);
  const auto& d = p.diags.all()[0];
  CHECK(d.message == "expression nested too deeply (more than 256 levels)");
  CHECK(d.range.begin == std::string("permit user to b when ").size() + kMaxNesting);
}

TEST_CASE("long flat expressions are not nesting", "[limits]") {
  requireAccepted(rule(join(" && ", 1000, "a")));
  requireAccepted(rule(join(" || ", 1000, "a")));
  requireAccepted(rule("x == " + join(" + ", 1000, "")));
  requireAccepted(rule(join(" && ", 1000, "!a")));
  requireAccepted(rule("x == " + join(" * ", 1000, "-")));
  requireAccepted(rule("x" + repeat(".a", 1000) + " == y"));
  std::string grouped;
  for (int i = 0; i < 1000; ++i) grouped += (i ? " || (a" : "(a") + std::to_string(i) + " && b)";
  requireAccepted(rule(grouped));
}

TEST_CASE("a large set literal is flat", "[limits]") {
  std::string set;
  for (int i = 0; i < 20000; ++i) set += (i ? ", \"v" : "\"v") + std::to_string(i) + "\"";
  requireAccepted(rule("x in [" + set + "]"));
}

TEST_CASE("a flat chain builds a left-deep tree", "[limits]") {
  auto p = parseText(rule(join(" && ", 1000, "a")));
  REQUIRE(p.diags.all().empty());
  std::string dump = p.dump();
  CHECK(dump.rfind("(rule permit user (actions b)\n  (when " + repeat("(&& ", 999) + "a0 a1) a2)", 0) == 0);
}

TEST_CASE("operators per declaration: the limit is accepted, one more is not", "[limits]") {
  requireAccepted(rule(join(" && ", kMaxOperators + 1, "a")));
  requireRejected(rule(join(" && ", kMaxOperators + 2, "a")), "E0020");
  requireRejected(rule("x" + repeat(".a", kMaxOperators + 1) + ""), "E0020");
}

TEST_CASE("the operator limit counts each declaration on its own", "[limits]") {
  std::string two = rule(join(" && ", 3000, "a")) + rule(join(" || ", 3000, "b"));
  auto p = parseText(two);
  CHECK(p.diags.all().empty());
  CHECK(p.file.decls.size() == 2);
}
