// cmd_schema.cpp — `agentpol-mcp schema -- SERVER…`: initialize the server,
// list every page of its tools and print their action declarations
// (core/schema_import) on stdout.
#include "commands.h"

#include "core/schema_import.h"
#include "stdio/mcp_client.h"

#include <iostream>

namespace agentpol::gateway {
namespace {

constexpr int64_t kTimeoutMs = 60000;  // a first `npx` run may download the server

bool list_tools(McpClient& client, json* tools, std::string* header, std::string* error) {
  json init;
  json params = {{"protocolVersion", "2025-06-18"},
                 {"capabilities", json::object()},
                 {"clientInfo", {{"name", "agentpol-mcp schema"}, {"version", "0.1.0"}}}};
  if (!client.request("initialize", params, steady_now_ms() + kTimeoutMs, &init, error)) return false;
  if (!client.notify("notifications/initialized", json::object(), error)) return false;
  const json info = init.value("serverInfo", json::object());
  *header = "actions for the tools of " + info.value("name", std::string("the server")) + " " +
            info.value("version", std::string("")) + " (agentpol-mcp schema)";
  *tools = json::array();
  json cursor;
  do {
    json page, p = cursor.is_string() ? json{{"cursor", cursor}} : json::object();
    if (!client.request("tools/list", p, steady_now_ms() + kTimeoutMs, &page, error)) return false;
    if (!page.contains("tools") || !page["tools"].is_array()) {
      *error = "tools/list answered without a \"tools\" array";
      return false;
    }
    for (json& t : page["tools"]) tools->push_back(std::move(t));
    cursor = page.value("nextCursor", json());
  } while (cursor.is_string() && !cursor.get<std::string>().empty());
  return true;
}

}  // namespace

const CommandSpec& schemaSpec() {
  static const CommandSpec spec{
      "schema",
      "agentpol-mcp schema [--namespace NAME] -- SERVER_COMMAND [ARG…]",
      "print action declarations for an MCP server's tools, ready to paste into a policy",
      "Starts the server, lists its tools and prints one action per tool: JSON Schema string ->\n"
      "String (format date-time -> Time), integer and number -> Int, boolean -> Bool, arrays of\n"
      "strings or integers -> Set<String> / Set<Int>, anything else -> String; an argument not\n"
      "in `required` is optional (name?: T); a tool name that is not an identifier gets\n"
      "@tool(\"…\") on an action named with `_` for each other character.",
      {{"namespace", 0, "NAME", "start the output with `namespace NAME;`"}},
      0,
      true};
  return spec;
}

int runSchema(const ParsedArgs& args) {
  if (!args.sawDashDash || args.afterDashDash.empty())
    return usage_error("schema", "missing `-- SERVER_COMMAND [ARG…]` (the MCP server to ask)");
  if (!args.positional.empty()) return usage_error("schema", "unexpected argument `" + args.positional.front() + "`");
  std::string ns = args.get("namespace");
  if (args.has("namespace") && !is_identifier(ns)) return usage_error("schema", "--namespace: expected an identifier");
  McpClient client;
  std::string error, header;
  if (!client.start(args.afterDashDash, &error)) return failure(error);
  json tools;
  bool ok = list_tools(client, &tools, &header, &error);
  client.stop();
  if (!ok) return failure(error);
  std::cout << render_actions(tools, header, ns);
  return kExitOk;
}

}  // namespace agentpol::gateway
