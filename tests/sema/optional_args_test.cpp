// optional_args_test.cpp — optional action arguments (spec 3: `head?: Int`):
// readable only after a bare `has head` the checker can see (the rules of
// `has user`), through `&&`, `||`, `if`, `unless` and `=>`; multi-action
// rules; what a bare `has NAME` may name; and the checked trees.
#include <catch2/catch.hpp>

#include "sema_test_util.h"

using namespace agentpol::test;

namespace {

const char* const kActions = R"(
entity Agent {}
entity File { owner: String }
record Span { start: Time, end?: Time }
enum Mode { text, binary }
action read_text_file(file: File) { path: String, head?: Int, tail?: Int, span?: Span }
action peek(file: File) { path: String, head: Int }
action list_dir { path: String, depth?: Int }
action stat(file: File) { head?: String }
)";

std::unique_ptr<Checked> check(const std::string& src) {
  return checkFiles({{"schema.agentpol", kActions}, {"test.agentpol", src}});
}

void expectCodes(const std::string& src, std::vector<std::string> codes) { checkCodes(*check(src), src, codes); }
void expectClean(const std::string& src) { expectCodes(src, {}); }

}  // namespace

TEST_CASE("an optional argument is read only where a bare has is visible", "[optional-args]") {
  expectClean("permit agent * to read_text_file when has head && head <= 100;");
  expectClean("permit agent * to read_text_file when !has head || head <= 100;");
  expectClean("permit agent * to read_text_file when if has head then head <= 100 else true;");
  expectClean("permit agent * to read_text_file when if !has head then true else head <= 100;");
  expectClean("permit agent * to read_text_file when has head unless head > 100;");
  expectClean("permit agent * to read_text_file when (has head && has tail) && head + tail <= 100;");
  expectClean("permit agent * to list_dir when path like \"/srv/*\" && (!has depth || depth < 3);");
  expectCodes("permit agent * to read_text_file when head <= 100;", {"E0321@test:1"});
  expectCodes("permit agent * to read_text_file when has head || head <= 100;", {"E0321@test:1"});
  expectCodes("permit agent * to read_text_file when head <= 100 && has head;", {"E0321@test:1"});
  expectCodes("permit agent * to read_text_file when has head && tail <= 100;", {"E0321@test:1"});
  expectCodes("permit agent * to read_text_file when if has head then true else head <= 100;", {"E0321@test:1"});
  expectCodes("permit agent * to read_text_file when true unless head > 100;", {"E0321@test:1"});
  // A `has` on something else proves nothing about the argument.
  expectCodes("permit agent * to read_text_file when file has owner && head <= 1;", {"E0321@test:1"});
}

TEST_CASE("an optional record argument: has it, then its fields as for attributes", "[optional-args]") {
  expectClean("permit agent * to read_text_file when has span && span.start < now;");
  expectClean("permit agent * to read_text_file when has span && span has end && span.end > now;");
  expectCodes("permit agent * to read_text_file when span.start < now;", {"E0321@test:1"});
  expectCodes("permit agent * to read_text_file when span has end;", {"E0321@test:1"});
  expectCodes("permit agent * to read_text_file when has span && span.end > now;", {"E0317@test:1"});
}

TEST_CASE("asserts and defs: facts flow through =>, not out of a def", "[optional-args]") {
  expectClean("assert capped: for read_text_file: allowed && has head => head <= 100;");
  expectCodes("assert capped: for read_text_file: allowed => head <= 100;", {"E0321@test:1"});
  // The call site's facts cover the argument expression; the def sees a value.
  expectClean("def small(n: Int): Bool = n <= 100;\npermit agent * to read_text_file when has head && small(head);");
  expectCodes("def small(n: Int): Bool = n <= 100;\npermit agent * to read_text_file when small(head);",
              {"E0321@test:2"});
  expectCodes("def given(n: Int): Bool = has n;", {"E0322@test:1"});
}

TEST_CASE("rules over several actions: optional in one action means optional", "[optional-args]") {
  expectCodes("permit agent * to [read_text_file, peek] when head <= 100;", {"E0321@test:1"});
  expectClean("permit agent * to [read_text_file, peek] when has head && head <= 100;");
  // `head` is an Int in both but a String in `stat`: not shared.
  expectCodes("permit agent * to [read_text_file, stat] when has head;", {"E0112@test:1"});
  expectClean("permit agent * to [read_text_file, peek, list_dir] when has path && path like \"/tmp/*\";");
  expectCodes("permit agent * to * when has path;", {"E0112@test:1"});  // `stat` has no `path`
}

TEST_CASE("what a bare has may name", "[optional-args]") {
  // A required argument or a parameter is always there: allowed, always true.
  expectClean("permit agent * to peek when has head && has file && has path;");
  expectCodes("permit agent * to read_text_file when has nope;", {"E0103@test:1"});
  expectCodes("permit agent * to read_text_file when has Mode;", {"E0322@test:1"});
  expectCodes("assert a: for read_text_file: has allowed;", {"E0322@test:1"});
  // `has user` stays the user test; `has head` is not a user test.
  expectCodes("permit agent * to read_text_file when has user;", {"E0107@test:1"});
}

TEST_CASE("the checked tree keeps the bare has and its binding", "[optional-args]") {
  auto r = check("@id(\"r\") permit agent * to read_text_file when has head && head <= 100 unless has tail;");
  INFO(r->text());
  REQUIRE(r->policy);
  const auto* rule = r->rule("r");
  REQUIRE(rule);
  CHECK(dump(rule->when.get()) == "(&& (has $head) (<= $head 100))");
  CHECK(dump(rule->unless.get()) == "(has $tail)");
  REQUIRE(rule->names.size() == 5);
  CHECK(rule->names[2].name == "head");
  CHECK(rule->names[2].optional);
  CHECK_FALSE(rule->names[1].optional);  // path
}
