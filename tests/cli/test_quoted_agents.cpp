// test_quoted_agents.cpp — agent identities written as quoted strings (spec 3)
// end to end: a request for "billing-assist-07" decides, audits, revokes,
// verifies and shows in the inventory as that agent, from sources and from a
// bundle; `a` and `"a"` are one agent.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "run_cli.h"

using namespace agentpol::clitest;
using nlohmann::json;

namespace {

std::string quotedPolicy() { return sourceDir() + "/tests/codegen/policies/quoted_agents.agentpol"; }

std::string request(const std::string& agent, bool isPublic, const std::string& action = "read") {
  json r = {{"now", "2026-11-28T12:00:00Z"},
            {"agent", {{"id", agent}}},
            {"action", action},
            {"args", {{"doc", {{"id", "d1"}, {"attrs", {{"public", isPublic}}}}}}},
            {"context", json::object()}};
  if (action == "write") r["args"]["text"] = "hello";
  return r.dump();
}

}  // namespace

TEST_CASE("quoted agents: eval decides and audits as the declared identity", "[quoted]") {
  std::string apb = scratch("", ".apb");
  REQUIRE(agentpolc("build '" + quotedPolicy() + "' -o '" + apb + "'").exit == 0);
  std::string reqs = request("billing-assist-07", true) + "\n" + request("billing-assist-07", false) + "\n" +
                     request("billing_assist_07", true) + "\n" +
                     request("spiffe://corp.example/agents/refund-bot", false, "write") + "\n";
  for (const std::string& policy : {apb, quotedPolicy()}) {
    std::string audit = scratch("", ".jsonl");
    RunResult r = agentpolc("eval '" + policy + "' --request - --audit '" + audit + "'", reqs);
    REQUIRE(r.exit == 0);
    std::vector<std::string> lines = r.lines();
    REQUIRE(lines.size() == 4);
    CHECK(json::parse(lines[0]) == json::parse(R"({"decision":"allow","reason":"permitted","rules":["quoted-read"]})"));
    CHECK(json::parse(lines[1])["reason"] == "no_permit");
    CHECK(json::parse(lines[2])["reason"] == "unknown_agent");  // compared exactly: `_` is not `-`
    CHECK(json::parse(lines[3]) == json::parse(R"({"decision":"escalate","reason":"escalated","rules":["spiffe-prefix"]})"));
    std::string records = readFile(audit);
    CHECK(records.find(R"("agent":"billing-assist-07")") != std::string::npos);
    CHECK(records.find(R"("agent":"spiffe://corp.example/agents/refund-bot")") != std::string::npos);
  }
}

TEST_CASE("quoted agents: --revoke takes the identity as written", "[quoted]") {
  RunResult r = agentpolc("eval '" + quotedPolicy() + "' --request - --revoke billing-assist-07",
                          request("billing-assist-07", true));
  REQUIRE(r.exit == 0);
  CHECK(json::parse(r.out)["reason"] == "revoked");
  CHECK(r.err.find("warning") == std::string::npos);
}

TEST_CASE("quoted agents: the inventory and verify name the agent as declared", "[quoted]") {
  RunResult inv = agentpolc("inventory '" + quotedPolicy() + "' --format json --today 2026-11-28");
  REQUIRE(inv.exit == 0);
  std::vector<std::string> names;
  json agents = json::parse(inv.out)["agents"];
  for (const json& a : agents) names.push_back(a["name"]);
  CHECK(names == std::vector<std::string>{"billing-assist-07", "spiffe://corp.example/agents/refund-bot",
                                          "0oa4x9-refund", "plain_bot"});
  RunResult v = agentpolc("verify '" + quotedPolicy() + "' --format json --today 2026-11-28");
  CHECK(v.exit == 1);  // three agents were never reviewed
  bool found = false;
  json checks = json::parse(v.out)["checks"];
  for (const json& c : checks) {
    if (c["kind"] != "inventory" || c["subject"] != "0oa4x9-refund") continue;
    found = true;
    REQUIRE(c["status"] == "violated");
    CHECK(c["counterexample"]["agent"]["id"] == "0oa4x9-refund");
    RunResult e = agentpolc("eval '" + quotedPolicy() + "' --request -", c["counterexample"].dump());
    REQUIRE(e.exit == 0);
    CHECK(json::parse(e.out)["reason"] != "unknown_agent");
  }
  CHECK(found);
}

TEST_CASE("quoted agents: disasm prints a non-identifier name quoted", "[quoted]") {
  std::string apb = scratch("", ".apb");
  REQUIRE(agentpolc("build '" + quotedPolicy() + "' -o '" + apb + "'").exit == 0);
  RunResult d = agentpolc("disasm '" + apb + "'");
  REQUIRE(d.exit == 0);
  CHECK(d.out.find("agent \"billing-assist-07\" owner") != std::string::npos);
  CHECK(d.out.find("agent plain_bot owner") != std::string::npos);
  CHECK(d.out.find("agent [\"spiffe://corp.example/agents/refund-bot\", \"0oa4x9-refund\", plain_bot]") !=
        std::string::npos);
}

TEST_CASE("quoted agents: `a` and `\"a\"` name one agent in a rule's list", "[quoted]") {
  std::string src = scratch(R"(entity Agent {}
action read;
agent "bot" { owner: "o", purpose: "p" }
@id("r") permit agent [bot, "bot"] to read;
@id("s") permit agent bot to read;
)", ".agentpol");
  RunResult r = agentpolc("check '" + src + "'");
  CHECK(r.exit == 1);
  CHECK(r.err.find("error[E0108]: duplicate agent `bot`") != std::string::npos);
  CHECK(r.err.find("1 error found") != std::string::npos);  // rule `s` names the declared agent
}

TEST_CASE("quoted agents: diff's example request names the agent as declared", "[quoted]") {
  std::string widened = readFile(quotedPolicy());
  std::string from = "permit agent \"billing-assist-07\" to read when doc.public;";
  REQUIRE(widened.find(from) != std::string::npos);
  widened.replace(widened.find(from), from.size(), "permit agent \"billing-assist-07\" to read;");
  std::string newer = scratch(widened, ".agentpol");
  RunResult d = agentpolc("diff '" + quotedPolicy() + "' -- '" + newer + "' --format json");
  CHECK(d.exit == 1);
  json changes = json::parse(d.out)["actions"];
  bool named = false;
  for (const json& a : changes)
    for (const json& c : a["changes"])
      if (c["kind"] == "newly_allowed") named = c["example"]["agent"]["id"] == "billing-assist-07";
  CHECK(named);
}
