// test_optional_args.cpp — optional action arguments in request JSON (spec 3
// and 8): absent or null is absent, a value of the wrong type or a null
// required argument is a bad request, and a rule guarded by `has head` sees
// the difference; the audit record leaves absent optional arguments out.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fixture.h"
#include "image_builder.h"

using namespace agentpol;
using namespace agentpol::test;
using nlohmann::json;

namespace {

// action read_text_file(file: File) { path: String, head?: Int, tags?: Set<String>, budget?: Money<EUR> }
// permit agent * to read_text_file when !has head || head <= 100;
std::shared_ptr<const Bundle> filesBundle() {
  static std::shared_ptr<const Bundle> b = [] {
    ImageBuilder ib;
    ib.add_entity("Agent", {});
    ib.im.agent_type = 0;
    uint32_t file = ib.add_entity("File", {slot("owner", Type::string())});
    uint32_t read = ib.add_action("read_text_file", {slot("file", Type::entity(file))},
                                  {slot("path", Type::string()), opt("head", Type::integer()),
                                   opt("tags", Type::set_of(Type::string())), opt("budget", eur())});
    ib.add_agent("fs_bot");
    ib.rule("small-reads", Effect::Permit, Side::Agent, {read}, absent_or_at_most(ib, 1, 100));
    return load_or_die(ib.im);
  }();
  return b;
}

std::string request(const std::string& args) {
  return R"({"now": "2026-11-28T14:03:00Z", "agent": {"id": "fs_bot"}, "action": "read_text_file", "args": )" +
         args + "}";
}

Outcome read(const std::string& args) { return run(filesBundle(), request(args)); }

const std::string kFile = R"("file": {"id": "f1", "attrs": {"owner": "ann"}}, "path": "/srv/a.txt")";

}  // namespace

TEST_CASE("an optional argument may be absent or null", "[optional-args]") {
  Outcome absent = read("{" + kFile + "}");
  INFO(absent.message);
  CHECK(absent.decision == "allow");
  CHECK(json::parse(absent.audit)["args"] == json::parse(R"({"path": "/srv/a.txt"})"));
  Outcome null = read("{" + kFile + R"(, "head": null, "tags": null, "budget": null})");
  INFO(null.message);
  CHECK(null.decision == "allow");
  CHECK(json::parse(null.audit)["args"] == json::parse(R"({"path": "/srv/a.txt"})"));
}

TEST_CASE("a given optional argument is read and decides", "[optional-args]") {
  Outcome small = read("{" + kFile + R"(, "head": 100, "tags": ["b", "a", "a"], "budget": "2.5 EUR"})");
  INFO(small.message);
  CHECK(small.decision == "allow");
  CHECK(json::parse(small.audit)["args"] ==
        json::parse(R"({"path": "/srv/a.txt", "head": 100, "tags": ["a", "b"], "budget": "2.50 EUR"})"));  // a set: sorted, once each
  Outcome big = read("{" + kFile + R"(, "head": 101})");
  CHECK(big.decision == "deny");
  CHECK(big.reason == "no_permit");
}

TEST_CASE("optional arguments of the wrong type, and required ones, are bad requests", "[optional-args]") {
  auto bad = [](const std::string& args, const std::string& message) {
    Outcome o = read(args);
    INFO(args);
    CHECK(o.decision == "deny");
    CHECK(o.reason == "bad_request");
    CHECK(o.message == message);
  };
  bad("{" + kFile + R"(, "head": "5"})", R"(args.head: expected Int, got "5")");
  bad("{" + kFile + R"(, "head": 5.0})", "args.head: expected Int (a JSON integer), got the float 5.0");
  bad("{" + kFile + R"(, "head": [5]})", "args.head: expected Int, got an array");
  bad("{" + kFile + R"(, "tags": "a"})", R"(args.tags: expected Set<String>, got "a")");
  bad("{" + kFile + R"(, "budget": "1.00 USD"})", R"(args.budget: expected Money in EUR, got "1.00 USD")");
  bad("{" + kFile + R"(, "head": 1, "head": 2})", "args.head: given twice");
  bad("{" + kFile + R"(, "tail": 1})", "args.tail: unknown argument of `read_text_file`");
  bad(R"({"file": {"id": "f1"}, "head": 1})", "args.path: missing (a required argument of `read_text_file`)");
  bad(R"({"file": {"id": "f1"}, "path": null})", "args.path: is required and cannot be null");
  bad(R"({"path": "/a"})", "args.file: missing (a required argument of `read_text_file`)");
}
