// test_agent_names.cpp — agent identities (spec 3): the agent-name rule
// (agentpol/agent_name.h), the loader refusing an agent table that breaks
// it, and a quoted identity deciding, revoking and auditing through the
// C++ and C APIs exactly as written.
#include "image_builder.h"

#include <agentpol/agent_name.h>
#include <agentpol/agentpol.h>
#include <agentpol/engine.h>

#include <catch2/catch.hpp>

using namespace agentpol;
using namespace agentpol::test;

namespace {

const char* const kSpiffe = "spiffe://corp.example/agents/refund-bot";

// Agents "billing-assist-07" and the SPIFFE id; `read` permitted to the first.
ImageBuilder named_image() {
  ImageBuilder b;
  b.im.agent_type = b.add_entity("Agent");
  uint32_t read = b.add_action("read", {});
  uint32_t first = b.add_agent("billing-assist-07");
  b.add_agent(kSpiffe);
  b.rule("quoted-read", Effect::Permit, Side::Agent, {read}, always(true), {first});
  return b;
}

}  // namespace

TEST_CASE("agent names: 1 to 256 bytes of UTF-8 without control characters", "[agents]") {
  for (const char* ok : {"billing_assist_07", "billing-assist-07", kSpiffe, "0oa4x9-refund", "a b", "\"q\"", "m\xC3\xA9t\xC3\xA9o"})
    CHECK(agent_name_problem(ok).empty());
  CHECK(agent_name_problem(std::string(256, 'x')).empty());
  CHECK(agent_name_problem(std::string(257, 'x')) == "it is 257 bytes long (at most 256)");
  CHECK(agent_name_problem("") == "it is empty");
  CHECK(agent_name_problem("a\tb") == "it contains the control character U+0009");
  CHECK(agent_name_problem(std::string("a\0b", 3)) == "it contains the control character U+0000");
  CHECK(agent_name_problem("a\xC2\x85") == "it contains the control character U+0085");
  CHECK(agent_name_problem("caf\xE9") == "it is not valid UTF-8");
}

TEST_CASE("the loader refuses an invalid agent name", "[agents]") {
  BundleImage im = named_image().im;
  CHECK(load_error_of(im).empty());
  im.agents[1].name = "a\nb";
  CHECK(load_error_of(im) == "invalid agent name: it contains the control character U+000A");
  im.agents[1].name = std::string(300, 'a');
  CHECK(load_error_of(im) == "invalid agent name: it is 300 bytes long (at most 256)");
  im.agents[1].name = "billing-assist-07";
  CHECK(load_error_of(im).find("duplicate agent") != std::string::npos);
}

TEST_CASE("a quoted identity decides, revokes and audits as written (C++ API)", "[agents]") {
  auto bundle = load_or_die(named_image().im);
  Engine engine(bundle);
  std::string audited;
  engine.set_audit_hook([&](const AuditRecord& r) {
    audited.clear();
    audit_json(r, &audited);
  });
  Request req(bundle);
  req.set_now(1000);
  req.set_agent("billing-assist-07");
  req.set_action("read");
  Result r = engine.decide(req);
  CHECK(r.decision == Decision::Allow);
  CHECK(audited.find("\"agent\":\"billing-assist-07\"") != std::string::npos);
  req.reset();
  req.set_now(1000);
  req.set_agent(kSpiffe);
  req.set_action("read");
  CHECK(engine.decide(req).reason == Reason::NoPermit);
  CHECK(audited.find(std::string("\"agent\":\"") + kSpiffe + "\"") != std::string::npos);
  req.reset();
  req.set_now(1000);
  req.set_agent("billing_assist_07");  // exactly: `_` is not `-`
  req.set_action("read");
  CHECK(engine.decide(req).reason == Reason::UnknownAgent);
  engine.revoke("billing-assist-07");
  req.reset();
  req.set_now(1000);
  req.set_agent("billing-assist-07");
  req.set_action("read");
  CHECK(engine.decide(req).reason == Reason::Revoked);
}

TEST_CASE("a quoted identity through the C API", "[agents]") {
  std::vector<uint8_t> bytes = named_image().bytes();
  agentpol_bundle* bundle = nullptr;
  char err[256];
  REQUIRE(agentpol_bundle_load(bytes.data(), bytes.size(), &bundle, err, sizeof err) == AGENTPOL_OK);
  agentpol_engine* engine = nullptr;
  REQUIRE(agentpol_engine_new(bundle, &engine) == AGENTPOL_OK);
  agentpol_request* req = nullptr;
  REQUIRE(agentpol_request_new(engine, &req) == AGENTPOL_OK);
  agentpol_request_set_now(req, 1000);
  agentpol_request_set_agent(req, "billing-assist-07");
  agentpol_request_set_action(req, "read");
  agentpol_result res;
  REQUIRE(agentpol_decide(engine, req, &res) == AGENTPOL_OK);
  CHECK(std::string(res.reason) == "permitted");
  REQUIRE(res.rule_count == 1);
  CHECK(std::string(agentpol_result_rule(req, 0)) == "quoted-read");
  REQUIRE(agentpol_engine_revoke(engine, "billing-assist-07") == AGENTPOL_OK);
  REQUIRE(agentpol_decide(engine, req, &res) == AGENTPOL_OK);
  CHECK(std::string(res.reason) == "revoked");
  agentpol_request_free(req);
  agentpol_engine_free(engine);
  agentpol_bundle_free(bundle);
}
