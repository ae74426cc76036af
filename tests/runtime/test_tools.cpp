// test_tools.cpp — MCP tools of actions (`@tool`, spec 3 and 11): the
// tool-name rule, Bundle::action_for_tool (the action whose @tool is the
// name, else the action of that name unless it stands for another tool),
// the loader refusing invalid or shared tools, the schema hash and disasm.
#include "image_builder.h"

#include <agentpol/tool_name.h>

#include <catch2/catch.hpp>

using namespace agentpol;
using namespace agentpol::test;

namespace {

// get_weather stands for "get-weather"; search for its own name; `fetch`
// stands for "fetch" by its @tool too; `lookup` stands for "search/v2".
ImageBuilder tools_image() {
  ImageBuilder b;
  b.im.agent_type = b.add_entity("Agent");
  uint32_t weather = b.add_action("get_weather", {}, {slot("city", Type::string()), opt("days", Type::integer())});
  uint32_t search = b.add_action("search", {});
  uint32_t fetch = b.add_action("fetch", {});
  uint32_t lookup = b.add_action("lookup", {});
  b.im.actions[weather].tool = "get-weather";
  b.im.actions[fetch].tool = "fetch";
  b.im.actions[lookup].tool = "search/v2";
  b.rule("any", Effect::Permit, Side::Agent, {weather, search, fetch, lookup}, always(true));
  return b;
}

}  // namespace

TEST_CASE("tool names: 1 to 128 bytes of UTF-8, no control, whitespace or invisible characters", "[tools]") {
  for (const char* ok : {"get_weather", "get-weather", "admin.tools.list", "user-profile/update", "DATA_EXPORT_v2",
                         "github:create_issue", "m\xC3\xA9t\xC3\xA9o", "\xF0\x9F\x98\x80", "a\"b\\c"})
    CHECK(tool_name_problem(ok).empty());
  CHECK(tool_name_problem(std::string(128, 'x')).empty());
  CHECK(tool_name_problem(std::string(129, 'x')) == "it is 129 bytes long (at most 128)");
  CHECK(tool_name_problem("") == "it is empty");
  CHECK(tool_name_problem("get weather") == "it contains whitespace (U+0020)");
  CHECK(tool_name_problem("a\tb") == "it contains the control character U+0009");
  CHECK(tool_name_problem(std::string("a\0b", 3)) == "it contains the control character U+0000");
  CHECK(tool_name_problem("a\x7F") == "it contains the control character U+007F");
  CHECK(tool_name_problem("a\xC2\x85") == "it contains the control character U+0085");
  CHECK(tool_name_problem("a\xC2\xA0" "b") == "it contains whitespace (U+00A0)");
  CHECK(tool_name_problem("a\xE3\x80\x80") == "it contains whitespace (U+3000)");
  CHECK(tool_name_problem("get\xE2\x80\x8Bweather") == "it contains the invisible character U+200B");
  CHECK(tool_name_problem("\xE2\x80\xAErehtaew") == "it contains the invisible character U+202E");
  CHECK(tool_name_problem("\xEF\xBB\xBFtool") == "it contains the invisible character U+FEFF");
  CHECK(tool_name_problem("caf\xE9") == "it is not valid UTF-8");
  CHECK(tool_name_problem("\xC0\xAF") == "it is not valid UTF-8");          // overlong
  CHECK(tool_name_problem("\xED\xA0\x80") == "it is not valid UTF-8");      // a surrogate
  CHECK(tool_name_problem("ab\xE2\x82") == "it is not valid UTF-8");        // cut short
}

TEST_CASE("action_for_tool: the action whose @tool it is, else the action of that name", "[tools]") {
  auto bundle = load_or_die(tools_image().im);
  auto name = [&](std::string_view tool) {
    ActionHandle a = bundle->action_for_tool(tool);
    return a.valid() ? bundle->image().actions[a.index].name : std::string("(none)");
  };
  CHECK(name("get-weather") == "get_weather");
  CHECK(name("search") == "search");        // no @tool: the tool of its own name
  CHECK(name("fetch") == "fetch");          // @tool equal to its name
  CHECK(name("search/v2") == "lookup");
  CHECK(name("get_weather") == "(none)");   // it stands for "get-weather" instead
  CHECK(name("lookup") == "(none)");
  CHECK(name("") == "(none)");
  CHECK(name("Get-Weather") == "(none)");   // byte for byte
  CHECK(bundle->action("get_weather").valid());  // actions keep their names
  CHECK(bundle->image().actions[0].tool_name() == "get-weather");
  CHECK(bundle->image().actions[1].tool_name() == "search");
}

TEST_CASE("the loader refuses invalid tool names and a tool shared by two actions", "[tools]") {
  BundleImage im = tools_image().im;
  im.actions[0].tool = "get weather";
  CHECK(load_error_of(im) == "action `get_weather`: invalid MCP tool name: it contains whitespace (U+0020)");
  im.actions[0].tool = std::string(129, 'w');
  CHECK(load_error_of(im) == "action `get_weather`: invalid MCP tool name: it is 129 bytes long (at most 128)");
  im.actions[0].tool = "get\xE2\x80\x8Bweather";
  CHECK(load_error_of(im).find("U+200B") != std::string::npos);
  im.actions[0].tool = "search";  // and `search` stands for "search" by its name
  CHECK(load_error_of(im) == "duplicate MCP tool `search`");
  im.actions[0].tool = "search/v2";  // `lookup`'s @tool
  CHECK(load_error_of(im) == "duplicate MCP tool `search/v2`");
  im.actions[0].tool = "lookup";  // `lookup`'s name, but it stands for "search/v2": no clash
  CHECK(load_error_of(im).empty());
}

TEST_CASE("tools are part of the schema hash and shown by disasm", "[tools]") {
  BundleImage im = tools_image().im;
  auto a = load_or_die(im);
  im.actions[0].tool = "weather";
  auto b = load_or_die(im);
  CHECK(a->schema_hash() != b->schema_hash());
  im.actions[0].tool = "get-weather";
  im.rules[0].id = "other";
  CHECK(load_or_die(im)->schema_hash() == a->schema_hash());  // rules are not the schema
  std::string d = a->disassemble();
  CHECK(d.find("@tool(\"get-weather\") action get_weather() { city: String, days?: Int }\n") != std::string::npos);
  CHECK(d.find("\naction search() {  }\n") != std::string::npos);
  CHECK(d.find("@tool(\"search/v2\") action lookup()") != std::string::npos);
  CHECK(d.find("format 3") != std::string::npos);
}
