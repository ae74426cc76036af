// test_schema_import.cpp — `schema`'s declarations: section 11's type
// mapping, optional arguments, @tool for names that are not identifiers.
#include "core/schema_import.h"

#include <catch2/catch.hpp>

using namespace agentpol::gateway;

TEST_CASE("schema: JSON Schema types map to agentpol types", "[schema]") {
  auto t = [](const char* s) { return agentpol_type(json::parse(s)); };
  CHECK(t(R"({"type":"string"})") == "String");
  CHECK(t(R"({"type":"string","format":"date-time"})") == "Time");
  CHECK(t(R"({"type":"integer"})") == "Int");
  CHECK(t(R"({"type":"number"})") == "Int");
  CHECK(t(R"({"type":"boolean"})") == "Bool");
  CHECK(t(R"({"type":"array","items":{"type":"string"}})") == "Set<String>");
  CHECK(t(R"({"type":"array","items":{"type":"integer"}})") == "Set<Int>");
  CHECK(t(R"({"type":"array","items":{"type":"object"}})") == "String");
  CHECK(t(R"({"type":["string","null"]})") == "String");
  CHECK(t(R"({"anyOf":[{"type":"string"}]})") == "String");
}

TEST_CASE("schema: action names for tool names", "[schema]") {
  std::set<std::string> taken;
  CHECK(action_name("read_file", &taken) == "read_file");
  CHECK(action_name("get-weather", &taken) == "get_weather");
  CHECK(action_name("get.weather", &taken) == "get_weather_2");
  CHECK(action_name("3d-render", &taken) == "_3d_render");
  CHECK(action_name("permit", &taken) == "_permit");
  CHECK(action_name("caf\xc3\xa9", &taken) == "caf__");
}

TEST_CASE("schema: declarations with comments, optional arguments and @tool", "[schema]") {
  json tools = json::parse(R"([
    {"name":"get-sum","description":"Returns the sum","inputSchema":{"type":"object",
      "properties":{"a":{"type":"number"},"b":{"type":"number"}},"required":["a","b"]}},
    {"name":"read","inputSchema":{"type":"object","properties":{"path":{"type":"string"},"head":{"type":"number"},
      "tail":{"type":"number"},"in":{"type":"string"}},"required":["path"]}},
    {"name":"ping","inputSchema":{"type":"object","properties":{}}}
  ])");
  CHECK(render_actions(tools, "from srv 1.0", "srv") ==
        "// from srv 1.0\n"
        "namespace srv;\n\n"
        "// Returns the sum\n"
        "@tool(\"get-sum\")\n"
        "action get_sum { a: Int, b: Int }\n\n"
        "// note: argument \"in\" cannot be declared (not an identifier, or a keyword): calls that give it are denied\n"
        "action read {\n  head?: Int,\n  path: String,\n  tail?: Int,\n}\n\n"
        "action ping;\n");
}
