// tools_test.cpp — `@tool("…")` on actions (spec 3, 11): kept in the schema,
// a valid MCP tool name (agentpol/tool_name.h), given once, only on actions,
// and no MCP tool standing for two actions (another action's `@tool`, or
// the name of an action without one), with a note at the first.
#include <catch2/catch.hpp>

#include "sema_test_util.h"

using namespace agentpol;
using namespace agentpol::test;

namespace {

void expectCodes(const std::string& src, std::vector<std::string> codes) {
  checkCodes(*checkAlone("entity Agent {}\n" + src), src, codes);
}

}  // namespace

TEST_CASE("@tool on an action names its MCP tool", "[tools]") {
  auto r = checkAlone(
      "@tool(\"get-weather\") action get_weather { city: String, days?: Int }\n"
      "action search\n"
      "@tool(\"fetch\") action fetch\n"
      "@tool(\"m\\u{E9}t\\u{E9}o/v2\") action meteo\n"
      "@tool(\"search/v2\") action lookup\n");
  INFO(r->text());
  REQUIRE(r->policy);
  const auto& a = r->policy->schema.actions;
  REQUIRE(a.size() == 5);
  CHECK(a[0].tool == "get-weather");
  CHECK(a[0].toolName() == "get-weather");
  CHECK(a[1].tool.empty());
  CHECK(a[1].toolName() == "search");
  CHECK(a[2].toolName() == "fetch");
  CHECK(a[3].tool == "m\xC3\xA9t\xC3\xA9o/v2");
  CHECK(a[4].toolName() == "search/v2");
}

TEST_CASE("a tool name is 1 to 128 bytes without control, whitespace or invisible characters", "[tools]") {
  expectCodes("@tool(\"\") action a", {"E0118@test:2"});
  expectCodes("@tool(\"get weather\") action a", {"E0118@test:2"});
  expectCodes("@tool(\"a\\tb\") action a", {"E0118@test:2"});
  expectCodes("@tool(\"a\\u{202E}b\") action a", {"E0118@test:2"});
  expectCodes("@tool(\"a\\u{A0}b\") action a", {"E0118@test:2"});
  expectCodes("@tool(\"" + std::string(128, 'x') + "\") action a", {});
  expectCodes("@tool(\"" + std::string(129, 'x') + "\") action a", {"E0118@test:2"});
  auto r = checkAlone("@tool(\"get weather\") action a");
  REQUIRE(r->diags.all().size() == 1);
  CHECK(r->diags.all()[0].message == "invalid MCP tool name: it contains whitespace (U+0020)");
}

TEST_CASE("one action per MCP tool: the later one is reported, noting the first", "[tools]") {
  expectCodes("@tool(\"x\") action a\n@tool(\"x\") action b", {"E0119@test:3"});
  expectCodes("@tool(\"b\") action a\naction b", {"E0119@test:3"});
  expectCodes("action b\n@tool(\"b\") action a", {"E0119@test:3"});
  // `a` stands for "b" and `b` for "a": every tool has one action.
  expectCodes("@tool(\"b\") action a\n@tool(\"a\") action b", {});
  // Its own name as its tool is allowed (and changes nothing).
  expectCodes("@tool(\"a\") action a\naction b", {});
  auto r = checkAlone("@tool(\"b\") action a\naction b");
  REQUIRE(r->diags.all().size() == 1);
  const diag::Diagnostic& d = r->diags.all()[0];
  CHECK(d.message == "MCP tool `b` already stands for action `a`");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].message == "action `a` stands for it here");
  auto byName = checkAlone("action b\n@tool(\"b\") action a");
  REQUIRE(byName->diags.all().size() == 1);
  CHECK(byName->diags.all()[0].message == "MCP tool `b` already stands for action `b`");
  CHECK(byName->diags.all()[0].notes.at(0).message == "action `b` stands for it by its name");
}

TEST_CASE("@tool only on actions, once; actions take no other annotation", "[tools]") {
  expectCodes("action a\n@tool(\"a\") permit agent * to a;", {"E0407@test:3"});
  expectCodes("@tool(\"x\") entity User {}", {"E0407@test:2"});
  expectCodes("@tool(\"x\") agent bot { owner: \"o\", purpose: \"p\" }", {"E0407@test:2"});
  expectCodes("@tool(\"x\") @tool(\"y\") action a", {"E0403@test:2"});
  expectCodes("@owner(\"sec\") action a", {"E0402@test:2"});
  auto r = checkAlone("@owner(\"sec\") action a");
  REQUIRE(r->diags.all().size() == 1);
  CHECK(r->diags.all()[0].message ==
        "annotations are only allowed on rules, not on actions, which take only `@tool(\"…\")`");
}
