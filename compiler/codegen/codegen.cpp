// codegen.cpp — compileBundle: lower to IR, fill the tables, emit one block
// per rule and action (identical blocks stored once), and the rules with
// their agents and per-action bodies in the order the runtime's index wants.
#include "codegen/codegen.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "codegen/emit.h"
#include "codegen/tables.h"
#include "ir/lower.h"

namespace agentpol::codegen {
namespace {

Effect effectOf(ast::Effect e) {
  return e == ast::Effect::Permit ? Effect::Permit : e == ast::Effect::Forbid ? Effect::Forbid : Effect::Escalate;
}

RuleImage ruleHeader(const sema::CheckedRule& r) {
  RuleImage out;
  out.id = r.id;
  out.effect = effectOf(r.effect);
  out.side = r.subject == sema::Subject::User ? Side::User : Side::Agent;
  for (const ast::Annotation& a : r.annotations)
    if (a.key.name != "id") out.annotations.emplace_back(a.key.name, a.value);
  out.all_agents = r.subject != sema::Subject::Agents;
  if (r.subject == sema::Subject::Agents) {
    out.agents = r.agents;
    std::sort(out.agents.begin(), out.agents.end());
    out.agents.erase(std::unique(out.agents.begin(), out.agents.end()), out.agents.end());
  }
  return out;
}

}  // namespace

BundleImage compileBundle(const sema::CheckedPolicy& policy, std::vector<LimitError>* errors) {
  ir::Program program = ir::lower(policy);
  BundleImage image;
  fillTables(policy, program.layout, image);
  Pools pools{image};
  std::map<std::vector<uint8_t>, uint32_t> blocks;  // bytes -> code index
  for (const ir::Rule& r : program.rules) {
    RuleImage out = ruleHeader(*r.source);
    for (const ir::RuleBody& b : r.bodies) {
      EmittedBlock e = emitBlock(b.cond, pools);
      if (!e.limitError.empty()) {
        std::string msg = "rule `" + r.source->id + "`, action `" + policy.schema.actions[b.action].name + "`: " + e.limitError;
        if (!errors) throw std::runtime_error(msg);
        errors->push_back(LimitError{r.source->id, r.source->range, msg});
      }
      auto [it, fresh] = blocks.emplace(e.code.bytes, static_cast<uint32_t>(image.code.size()));
      if (fresh) image.code.push_back(std::move(e.code));
      out.bodies.push_back(RuleBody{b.action, it->second});
    }
    image.rules.push_back(std::move(out));
  }
  return image;
}

std::vector<uint8_t> compileBundleBytes(const sema::CheckedPolicy& policy, std::vector<LimitError>* errors) {
  return serialize(compileBundle(policy, errors));
}

}  // namespace agentpol::codegen
