// test_call_request.cpp — section 11's mapping: tools to actions, arguments
// by declared type, and the Decider's verdicts, whose bad_request messages
// are the request reader's (the same as `agentpolc eval`).
#include "core/call_request.h"
#include "core/decider.h"
#include "fixture.h"

#include <catch2/catch.hpp>

using namespace agentpol;
using namespace agentpol::gateway;

namespace {

const ActionImage& action_named(const Bundle& b, const char* name) {
  return b.image().actions[b.action(name).index];
}

}  // namespace

TEST_CASE("call request: arguments are converted by their declared types", "[mapping]") {
  auto b = test::compile(test::kPolicy);
  const ActionImage& read = action_named(*b, "read");
  json in = json::parse(R"({"doc":"d-1","lines":3.0,"tags":["a","b"],"note":{"z":1,"a":[true,null]},
                             "span":{"first":1.0,"last":2.5},"extra":1.0})");
  json out = convert_arguments(read, in);
  CHECK(out["doc"] == json{{"id", "d-1"}});
  CHECK(out["lines"].is_number_integer());
  CHECK(out["lines"] == 3);
  CHECK(out["tags"] == json::array({"a", "b"}));
  CHECK(out["note"] == R"({"a":[true,null],"z":1})");  // canonical text: keys sorted, no whitespace
  CHECK(out["span"]["first"].is_number_integer());
  CHECK(out["span"]["last"] == 2.5);  // not integral: left for the reader to refuse
  CHECK(out["extra"] == 1.0);       // undeclared: left for the reader to refuse
  CHECK(convert_arguments(read, json::parse(R"({"doc":5,"lines":null})")) == json::parse(R"({"doc":{"id":5},"lines":null})"));
  CHECK(convert_arguments(read, json::parse(R"({"lines":1e300})"))["lines"] == 1e300);
}

TEST_CASE("call request: the Decider maps tools by @tool, else by the action's name", "[mapping]") {
  auto b = test::compile(R"(
entity Agent {}
@tool("write_file") action save { path: String }
@tool("read_file") action read_text_file { path: String }
action list { path: String }
@id("save") permit agent * to save;
@id("read") permit agent * to read_text_file;
@id("list") permit agent * to list;
)");
  Decider d(b, "", "");
  Caller c{"a", {}};
  json args = json{{"path", "/x"}};
  Verdict save = d.decide(c, 0, "write_file", args, false);
  CHECK(save.action == std::string("save"));
  CHECK(save.rules == std::vector<std::string>{"save"});
  CHECK(d.decide(c, 0, "read_file", args, false).action == std::string("read_text_file"));
  CHECK(d.decide(c, 0, "list", args, false).action == std::string("list"));
  // An action that claims another tool is not reached by its own name.
  for (const char* tool : {"save", "read_text_file", "", "Write_File"}) {
    Verdict v = d.decide(c, 0, tool, args, false);
    CHECK(v.reason == Reason::BadRequest);
    CHECK_FALSE(v.action);
  }
}

TEST_CASE("call request: the request JSON for a call", "[mapping]") {
  Caller c{"reader", std::string("u-1")};
  std::string r = request_json(c, 1795874580, "list", json::object(), {R"({"k":1})", "[]"});
  CHECK(r == R"({"now":"2026-11-28T14:03:00Z","agent":{"id":"reader"},"user":{"id":"u-1"},"action":"list","args":{},"context":{"k":1},"entities":[]})");
  CHECK(request_json({"a\"b", {}}, 0, "x", json::object(), {}) ==
        R"({"now":"1970-01-01T00:00:00Z","agent":{"id":"a\"b"},"action":"x","args":{}})");
}

TEST_CASE("call request: the Decider decides calls like eval does", "[mapping]") {
  auto b = test::compile(test::kPolicy);
  std::string entities = R"([{"type":"Doc","id":"d-1","attrs":{"owner":"me"}},{"type":"Agent","id":"reader","attrs":{"team":"x"}}])";
  Decider d(b, "", entities);
  Caller reader{"reader", {}};
  int64_t now = 1795874580;
  json ok = json::parse(R"({"doc":"d-1","lines":2,"tags":[],"note":"n","span":{"first":1,"last":2}})");
  Verdict v = d.decide(reader, now, "read", ok, false);
  CHECK(v.decision == Decision::Allow);
  CHECK(v.rules == std::vector<std::string>{"read-own"});
  CHECK(v.action == std::string("read"));
  json many = ok;
  many["lines"] = 11;
  CHECK(d.decide(reader, now, "read", many, false).reason == Reason::NoPermit);
  CHECK(d.decide(reader, now, "read", ok, true).reason == Reason::Revoked);
  CHECK(d.decide(reader, now, "wipe", json::object(), false).reason == Reason::OutOfScope);
  CHECK(d.decide({"stranger", {}}, now, "wipe", json::object(), false).reason == Reason::UnknownAgent);
  CHECK(d.decide({"old", {}}, now, "wipe", json::object(), false).reason == Reason::AgentExpired);

  Verdict none = d.decide(reader, now, "read_file", ok, false);
  CHECK(none.reason == Reason::BadRequest);
  CHECK(none.message == "tool \"read_file\" maps to no action of the policy");
  CHECK_FALSE(none.action);
  json bad = ok;
  bad["lines"] = "2";
  CHECK(d.decide(reader, now, "read", bad, false).message == "args.lines: expected Int, got \"2\"");
  bad = ok;
  bad.erase("note");
  CHECK(d.decide(reader, now, "read", bad, false).message == "args.note: missing (a required argument of `read`)");
  bad = ok;
  bad["doc"] = json{{"id", "d-1"}, {"attrs", {{"owner", "me"}}}};  // attributes come from --entities only
  CHECK(d.decide(reader, now, "read", bad, false).message.rfind("args.doc.id: expected a string id", 0) == 0);
  // A bad request is decided before the kill switch, as in eval.
  CHECK(d.decide(reader, now, "read", bad, true).reason == Reason::BadRequest);
}

TEST_CASE("call request: check_inputs finds context and entities that do not fit", "[mapping]") {
  auto b = test::compile(test::kPolicy);
  Caller reader{"reader", {}};
  CHECK(Decider(b, "", "").check_inputs(reader, 0).empty());
  CHECK(Decider(b, "", R"([{"type":"Doc","id":"d","attrs":{"owner":1}}])").check_inputs(reader, 0) ==
        "entities[0].attrs.owner: expected String, got 1");
  CHECK(Decider(b, R"({"mood":"x"})", "").check_inputs(reader, 0) == "context.mood: unknown context field");
  CHECK(Decider(b, "", R"([{"type":"Robot","id":"r"}])").check_inputs(reader, 0).find("unknown entity type") !=
        std::string::npos);
}
