// test_eval.cpp — `agentpolc eval` end to end: one object, an array, JSON
// Lines (blank lines allowed), stdin, a compiled .apb or sources, --revoke,
// and the --audit JSON Lines (file and stderr).
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "run_cli.h"

using namespace agentpol::clitest;
using nlohmann::json;

namespace {

// The conformance cases' expectations, in order, as decision/reason/sorted rules.
std::vector<std::string> expectations(bool revoked) {
  std::vector<std::string> out;
  for (const json& c : json::parse(readFile(billingCases()))) {
    std::vector<std::string> rules = c.value("rules", std::vector<std::string>{});
    std::sort(rules.begin(), rules.end());
    bool revokedCase = c.contains("revoke");
    std::string e = c["expect"].get<std::string>() + "/" + c["reason"].get<std::string>() + " " + json(rules).dump();
    if (revokedCase && !revoked) e = "allow/permitted [\"read-invoices\"]";
    if (!revokedCase && revoked && c["request"]["agent"]["id"] == "support_bot" && c["reason"] != "bad_request")
      e = "deny/revoked []";
    out.push_back(e);
  }
  return out;
}

std::vector<std::string> summarize(const RunResult& r) {
  std::vector<std::string> out;
  for (const std::string& l : r.lines()) {
    json j = json::parse(l);
    std::vector<std::string> rules = j["rules"];
    std::sort(rules.begin(), rules.end());
    out.push_back(j["decision"].get<std::string>() + "/" + j["reason"].get<std::string>() + " " + json(rules).dump());
    if (j["reason"] == "bad_request") CHECK_FALSE(j["message"].get<std::string>().empty());
    else CHECK_FALSE(j.contains("message"));
  }
  return out;
}

std::string jsonLines(const std::vector<std::string>& reqs, const std::string& sep = "\n") {
  std::string s;
  for (const std::string& r : reqs) s += r + sep;
  return s;
}

std::string buildBilling() {
  std::string apb = scratch("", ".apb");
  RunResult b = agentpolc("build '" + billingPolicy() + "' -o '" + apb + "'");
  REQUIRE(b.exit == 0);
  return apb;
}

}  // namespace

TEST_CASE("eval: one request object prints one decision line", "[eval]") {
  std::string req = scratch(json::parse(billingRequests()[0]).dump(2));  // pretty-printed, several lines
  RunResult r = agentpolc("eval '" + billingPolicy() + "' --request '" + req + "'");
  INFO(r.err);
  CHECK(r.exit == 0);
  CHECK(r.out == "{\"decision\":\"allow\",\"reason\":\"permitted\",\"rules\":[\"small-refunds\",\"user-refund\"]}\n");
}

TEST_CASE("eval: JSON Lines decide every request in order", "[eval]") {
  std::string file = scratch("\n" + jsonLines(billingRequests(), "\n\n"), ".jsonl");
  RunResult r = agentpolc("eval '" + billingPolicy() + "' --request '" + file + "'");
  INFO(r.err);
  CHECK(r.exit == 0);
  CHECK(summarize(r) == expectations(false));
}

TEST_CASE("eval: a JSON array, from a compiled bundle", "[eval]") {
  std::string apb = buildBilling();
  json arr = json::array();
  for (const std::string& q : billingRequests()) arr.push_back(json::parse(q));
  RunResult r = agentpolc("eval '" + apb + "' --request '" + scratch(arr.dump(1)) + "'");
  INFO(r.err);
  CHECK(r.exit == 0);
  CHECK(summarize(r) == expectations(false));
}

TEST_CASE("eval: `-` reads stdin, CRLF line ends are fine", "[eval]") {
  RunResult r = agentpolc("eval '" + billingPolicy() + "' --request -", jsonLines(billingRequests(), "\r\n"));
  INFO(r.err);
  CHECK(r.exit == 0);
  CHECK(summarize(r) == expectations(false));
}

TEST_CASE("eval: --revoke is the kill switch, for every request", "[eval]") {
  RunResult r = agentpolc("eval '" + billingPolicy() + "' --revoke support_bot --request -", jsonLines(billingRequests()));
  INFO(r.err);
  CHECK(r.exit == 0);
  CHECK(summarize(r) == expectations(true));
  r = agentpolc("eval '" + billingPolicy() + "' --revoke support_bot --revoke billing_assist_07 --request -",
                billingRequests()[0]);
  CHECK(r.out == "{\"decision\":\"deny\",\"reason\":\"revoked\",\"rules\":[]}\n");
  r = agentpolc("eval '" + billingPolicy() + "' --revoke nobody --request -", billingRequests()[0]);
  CHECK(r.exit == 0);
  CHECK(r.err.find("revoked agent `nobody` is not in the policy's inventory") != std::string::npos);
}

TEST_CASE("eval: --audit writes one JSON line per decision", "[eval][audit]") {
  std::string audit = scratch("", ".jsonl");
  std::vector<std::string> reqs = billingRequests();
  RunResult r = agentpolc("eval '" + billingPolicy() + "' --revoke support_bot --audit '" + audit + "' --request -",
                          jsonLines(reqs));
  REQUIRE(r.exit == 0);
  std::vector<std::string> lines;
  std::string text = readFile(audit);
  for (size_t at = 0, nl; (nl = text.find('\n', at)) != std::string::npos; at = nl + 1) lines.push_back(text.substr(at, nl - at));
  REQUIRE(lines.size() == reqs.size());
  json first = json::parse(lines[0]);
  CHECK(first["time"] == "2026-11-28T14:03:00Z");
  CHECK(first["namespace"] == "billing");
  CHECK(first["agent"] == "billing_assist_07");
  CHECK(first["user"] == "4821");
  CHECK(first["action"] == "refund");
  CHECK(first["resources"] == json{{"order", "o-1"}});
  CHECK(first["args"] == json{{"amount", "32.00 EUR"}, {"reason", "late delivery"}});
  CHECK(first["decision"] == "allow");
  CHECK(first["reason"] == "permitted");
  CHECK(first["rules"].size() == 2);
  CHECK(first["bundle"].get<std::string>().size() == 64);
  json revoked = json::parse(lines[13]);
  CHECK(revoked["agent"] == "support_bot");
  CHECK(revoked["user"].is_null());
  CHECK(revoked["reason"] == "revoked");
  json bad = json::parse(lines[14]);
  CHECK(bad["reason"] == "bad_request");
  CHECK(bad["message"] == "args.amount: expected Money in EUR, got \"32.00 USD\"");
  // `-` sends the audit lines to stderr, the decisions still to stdout.
  r = agentpolc("eval '" + billingPolicy() + "' --audit - --request -", reqs[0]);
  CHECK(r.lines().size() == 1);
  CHECK(json::parse(r.err)["action"] == "refund");
}

TEST_CASE("eval: a bad request is decided (exit 0) with a message", "[eval]") {
  json q = json::parse(billingRequests()[0]);
  q["args"]["amount"] = "5.00 USD";
  q["extra"] = true;
  RunResult r = agentpolc("eval '" + billingPolicy() + "' --request -", q.dump());
  CHECK(r.exit == 0);
  CHECK(r.out ==
        "{\"decision\":\"deny\",\"reason\":\"bad_request\",\"rules\":[],\"message\":\"extra: unknown top-level field "
        "(expected now, agent, user, action, args, context, entities)\"}\n");
}
