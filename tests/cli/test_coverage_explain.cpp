// test_coverage_explain.cpp — `agentpolc test --coverage [--coverage-min]`
// and `agentpolc eval --explain` (spec 9) end to end on a small policy whose
// outcomes are known by hand: the text report with every unseen outcome at
// its line and column, the JSON form, the exit status below the minimum, and
// explain naming the failing part (a `when` part, an `unless` that held, an
// error), from sources and from a bundle with and without its debug table.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "run_cli.h"

using namespace agentpol::clitest;
using nlohmann::json;

namespace {

const char* const kPolicy = R"(entity Agent {}
entity User { admin: Bool }
action read { size: Int, tag: String }
agent bot { owner: "o", purpose: "p" }
@id("small") permit agent bot to read
  when size <= 10 && tag like "pub*"
  unless tag == "public-secret";
@id("user-any") permit user to read when user.admin;
)";

std::string request(int size, const std::string& tag, const std::string& user = "") {
  json r = {{"now", "2026-11-28T12:00:00Z"}, {"agent", {{"id", "bot"}}}, {"action", "read"},
            {"args", {{"size", size}, {"tag", tag}}}, {"context", json::object()}};
  if (user == "ref") r["user"] = {{"id", "u"}};  // attributes nowhere: reading them errors
  else if (!user.empty()) r["user"] = {{"id", "u"}, {"attrs", {{"admin", user == "admin"}}}};
  return r.dump();
}

std::string cases() {
  json c = json::array();
  c.push_back({{"name", "small public read"}, {"request", json::parse(request(5, "pub1"))}, {"expect", "allow"}});
  c.push_back({{"name", "large read"}, {"request", json::parse(request(20, "pub"))}, {"expect", "deny"}});
  return c.dump();
}

}  // namespace

TEST_CASE("test --coverage: per rule, every unseen outcome at its line and column, the total", "[coverage]") {
  std::string policy = scratch(kPolicy, ".agentpol"), tests = scratch(cases());
  RunResult r = agentpolc("test '" + policy + "' --tests '" + tests + "' --coverage");
  REQUIRE(r.exit == 0);
  std::string p = policy;
  std::string want = "2 passed, 0 failed\n"
                     "coverage per rule:\n"
                     "  small (" + p + ":5): applicable 2, matched 1\n"
                     "    never false: `tag like \"pub*\"` (" + p + ":6:22)\n"
                     "    never true: `tag == \"public-secret\"` (" + p + ":7:10)\n"
                     "  user-any (" + p + ":8): applicable 0, matched 0\n"
                     "    never matched\n"
                     "    never applicable without matching\n"
                     "    never true: `user.admin` (" + p + ":8:42)\n"
                     "    never false: `user.admin` (" + p + ":8:42)\n"
                     "coverage: 6 of 12 outcomes (50%)\n";
  CHECK(r.out == want);
}

TEST_CASE("test --coverage --format json: the spec's coverage object", "[coverage]") {
  std::string policy = scratch(kPolicy, ".agentpol"), tests = scratch(cases());
  RunResult r = agentpolc("test '" + policy + "' --tests '" + tests + "' --coverage --format json");
  REQUIRE(r.exit == 0);
  json cov = json::parse(r.out)["coverage"];
  CHECK(cov["outcomes"] == 12);
  CHECK(cov["covered"] == 6);
  CHECK(cov["percent"] == 50.0);
  REQUIRE(cov["rules"].size() == 2);
  json small = cov["rules"][0];
  CHECK(small == json::parse(R"({"id": "small", "file": ")" + policy + R"(", "line": 5, "applicable": 2, "matched": 1,
    "parts": [{"text": "size <= 10", "line": 6, "column": 8, "true": 1, "false": 1},
              {"text": "tag like \"pub*\"", "line": 6, "column": 22, "true": 1, "false": 0},
              {"text": "tag == \"public-secret\"", "line": 7, "column": 10, "true": 0, "false": 1}]})"));
}

TEST_CASE("test --coverage-min: exit 1 below the figure, 2 for a bad figure", "[coverage]") {
  std::string policy = scratch(kPolicy, ".agentpol"), tests = scratch(cases());
  std::string base = "test '" + policy + "' --tests '" + tests + "'";
  CHECK(agentpolc(base + " --coverage-min 50").exit == 0);
  RunResult low = agentpolc(base + " --coverage-min 50.1");
  CHECK(low.exit == 1);
  CHECK(low.err.find("coverage 50% is below --coverage-min 50.1%") != std::string::npos);
  CHECK(low.out.find("coverage: 6 of 12 outcomes (50%)") != std::string::npos);  // implies --coverage
  CHECK(agentpolc(base + " --coverage-min abc").exit == 2);
  CHECK(agentpolc(base + " --coverage-min 101").exit == 2);
  CHECK(agentpolc(base).out == "2 passed, 0 failed\n");  // nothing without --coverage
}

TEST_CASE("eval --explain names the part that failed", "[explain]") {
  std::string policy = scratch(kPolicy, ".agentpol");
  std::string reqs = request(20, "pub") + "\n" + request(1, "public-secret") + "\n" + request(1, "pub", "ref") +
                     "\n" + request(1, "pub", "admin") + "\n";
  RunResult r = agentpolc("eval '" + policy + "' --request - --explain", reqs);
  REQUIRE(r.exit == 0);
  std::vector<std::string> lines = r.lines();
  REQUIRE(lines.size() == 4);
  auto failed = [&](const std::string& text, int line, int column, bool error = false) {
    json f = {{"text", text}, {"file", policy}, {"line", line}, {"column", column}};
    if (error) f["error"] = true;
    return f;
  };
  json no_permit = json::parse(lines[0]);
  CHECK(no_permit["reason"] == "no_permit");
  CHECK(no_permit["explain"] == json::array({{{"rule", "small"}, {"side", "agent"}, {"effect", "permit"},
                                              {"matched", false}, {"failed", failed("size <= 10", 6, 8)}}}));
  json unless = json::parse(lines[1]);
  CHECK(unless["explain"][0]["failed"] == failed("tag == \"public-secret\"", 7, 10));
  json error = json::parse(lines[2]);
  CHECK(error["reason"] == "user_no_permit");
  REQUIRE(error["explain"].size() == 2);
  CHECK(error["explain"][0]["matched"] == true);
  CHECK(error["explain"][1] == json({{"rule", "user-any"}, {"side", "user"}, {"effect", "permit"}, {"matched", false},
                                     {"failed", failed("user.admin", 8, 42, true)}}));
  json allowed = json::parse(lines[3]);
  CHECK(allowed["reason"] == "permitted");
  CHECK(allowed["explain"][1]["matched"] == true);
  CHECK_FALSE(allowed["explain"][1].contains("failed"));
}

TEST_CASE("eval --explain: a bundle keeps its debug table unless built with --no-debug", "[explain]") {
  std::string policy = scratch(kPolicy, ".agentpol"), with = scratch("", ".apb"), without = scratch("", ".apb");
  REQUIRE(agentpolc("build '" + policy + "' -o '" + with + "'").exit == 0);
  REQUIRE(agentpolc("build '" + policy + "' -o '" + without + "' --no-debug").exit == 0);
  json a = json::parse(agentpolc("eval '" + with + "' --request - --explain", request(20, "pub")).out);
  json b = json::parse(agentpolc("eval '" + without + "' --request - --explain", request(20, "pub")).out);
  CHECK(a["explain"][0]["failed"]["text"] == "size <= 10");
  CHECK(b["explain"] == json::parse(R"([{"rule":"small","side":"agent","effect":"permit","matched":false}])"));
  json early = json::parse(agentpolc("eval '" + with + "' --request - --explain --revoke bot", request(20, "pub")).out);
  CHECK(early["reason"] == "revoked");
  CHECK(early["explain"] == json::array());
  json plain = json::parse(agentpolc("eval '" + with + "' --request -", request(20, "pub")).out);
  CHECK_FALSE(plain.contains("explain"));
}
