// test_two_paths.cpp — the checks read a request through two value views:
// simdjson's tape (RequestReader::read(text)) and a JsonTree node (what
// `agentpolc test` and arrays use): the same verdict and message through
// both. (tests/cli/test_eval_stream.cpp does the same for every case of
// tests/semantics/bad_requests, as JSON Lines against an array.)
#include <catch2/catch.hpp>

#include <agentpol/engine.h>

#include "fixture.h"
#include "request/request_reader.h"

using namespace agentpol;

namespace {

struct Read {
  bool unreadable = false, ok = false;
  std::string error, decision;
};

Read viaText(request::RequestReader& reader, const Engine& engine, const std::string& text) {
  Read r;
  Request req(reader.schema().bundle());
  r.unreadable = reader.read(text, req, &r.error) == request::ReadStatus::Unreadable;
  r.ok = req.ok();
  if (!r.ok) r.error = req.error();
  if (!r.unreadable) r.decision = std::string(to_string(engine.decide(req).reason));
  return r;
}

Read viaTree(request::RequestReader& reader, const Engine& engine, const request::JsonTree& tree, uint32_t node) {
  Read r;
  Request req(reader.schema().bundle());
  r.unreadable = reader.read(tree, node, req, &r.error) == request::ReadStatus::Unreadable;
  r.ok = req.ok();
  if (!r.ok) r.error = req.error();
  if (!r.unreadable) r.decision = std::string(to_string(engine.decide(req).reason));
  return r;
}

}  // namespace

TEST_CASE("tape and tree views give the same messages (kitchen requests)", "[two_paths]") {
  auto bundle = test::kitchenBundle();
  request::RequestReader reader(bundle);
  Engine engine(bundle);
  const char* patches[] = {
      "{}", R"({"args": {"qty": 1.5}})", R"({"args": {"qty": 5.0}})", R"({"args": {"qty": 1e2}})",
      R"({"args": {"qty": "x"}})", R"({"args": {"qty": 9223372036854775807}})", R"({"now": null})",
      R"({"agent": 5})", R"({"action": "nope"})", R"({"context": {"zzz": 1}})", R"({"user": {"id": ""}})",
      R"({"entities": {}})", R"({"entities": [{"id": "x"}]})", R"({"extra": true})",
  };
  for (const char* patch : patches) {
    std::string text = test::kitchen(patch);
    INFO(text);
    request::JsonTree tree;
    std::string error;
    REQUIRE(tree.parse(text, &error));
    Read a = viaText(reader, engine, text), b = viaTree(reader, engine, tree, 0);
    CHECK(a.unreadable == b.unreadable);
    CHECK(a.ok == b.ok);
    CHECK(a.error == b.error);
    CHECK(a.decision == b.decision);
  }
}
