// embed.cpp — embedding the agentpol runtime from C++: build a tiny bundle in
// code (BundleImage + CodeWriter, standing in for `agentpolc build` until the
// compiler emits bundles), load it, decide requests through an Engine with an
// audit hook and the kill switch. Usage: embed_cpp [OUT.apb]
#include "bundle/code_writer.h"

#include <agentpol/agentpol.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>

using namespace agentpol;

// entity Agent {}  entity Doc { owner: String }
// action read(doc: Doc) { reason: String }
// agent reader { owner: "docs-team", purpose: "reads docs", may: [read] }
// @id("read-own") permit agent reader to read when doc.owner == "alice";
static BundleImage tiny_policy() {
  BundleImage im;
  im.ns = "docs";
  im.entity_types = {{"Agent", {}}, {"Doc", {{"owner", Type::string(), false}}}};
  im.agent_type = 0;
  im.actions = {{"read", {{"doc", Type::entity(1), false}}, {{"reason", Type::string(), false}}}};
  im.agents = {{"reader", "docs-team", "reads docs", std::nullopt, std::nullopt, true, {0}}};
  im.constants = {ConstImage::str("alice")};
  CodeWriter w;
  w.op(Op::PARAM, 0).op(Op::ATTR, 1, 0).op(Op::CONST, 0).op(Op::EQ).op(Op::RET);
  im.code = {w.finish()};
  RuleImage rule;
  rule.id = "read-own";
  rule.effect = Effect::Permit;
  rule.all_agents = false;
  rule.agents = {0};
  rule.bodies = {{0, 0}};
  im.rules = {rule};
  return im;
}

static void decide_for(Engine& engine, const char* owner) {
  static Request req(engine.current());  // one reusable request per thread
  req.reset();
  req.set_now(1790812800);
  req.set_agent("reader");
  req.set_action("read");
  EntityRef doc = req.entity("Doc", "d-1");
  req.set_attr(doc, "owner", Value::string(owner));
  req.set_arg("doc", Value::entity(doc));
  req.set_arg("reason", Value::string("summary"));
  Result r = engine.decide(req);
  std::cout << "owner " << owner << ": " << to_string(r.decision) << " (" << to_string(r.reason) << ")\n";
}

int main(int argc, char** argv) {
  std::vector<uint8_t> bytes = serialize(tiny_policy());
  if (argc > 1) std::ofstream(argv[1], std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  LoadResult loaded = load_bundle(bytes);
  if (!loaded) {
    std::cerr << "load failed: " << loaded.error << "\n";
    return 1;
  }
  Engine engine(loaded.bundle);
  // The hook says whether it stored the record; false (here: stdout failed)
  // makes decide() return deny/audit_failed instead of the decision.
  engine.set_audit_hook([](const AuditRecord& rec) {
    std::string line;
    audit_json(rec, &line);
    std::cout << "audit " << line << "\n" << std::flush;
    return static_cast<bool>(std::cout);
  });
  decide_for(engine, "alice");
  decide_for(engine, "bob");
  engine.revoke("reader");
  decide_for(engine, "alice");
  return 0;
}
