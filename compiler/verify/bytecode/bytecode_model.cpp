// bytecode_model.cpp — per action: rule terms from the bundle's code blocks
// (each block executed once per action, shared blocks reused), rule subjects
// from the bundle's index, and the runtime's decision procedure over them.
#include "verify/bytecode/bytecode_model.h"

#include <map>

#include "api/access.h"
#include "loader/bundle_data.h"
#include "verify/bytecode/sym_exec.h"
#include "verify/expr_encoding.h"

namespace agentpol::verify::bytecode {
namespace {

ast::Effect effectOf(Effect e) {
  return e == Effect::Forbid ? ast::Effect::Forbid : e == Effect::Escalate ? ast::Effect::Escalate : ast::Effect::Permit;
}

// The bundle's inventory in the shape encodeDecision reads (names, expiry,
// `may` as policy action indices).
sema::Schema inventoryOf(const BundleImage& im, const SchemaMap& map) {
  sema::Schema inv;
  for (const AgentImage& g : im.agents) {
    sema::AgentInfo a;
    a.name = g.name;
    a.expires = g.expires;
    a.hasScope = g.has_scope;
    for (uint32_t m : g.may)
      if (m < map.action.size()) a.may.push_back(static_cast<uint32_t>(map.action[m]));
    inv.agents.push_back(std::move(a));
  }
  return inv;
}

}  // namespace

BytecodeModel::BytecodeModel(const Bundle& bundle, const SchemaMap& map, RequestEncoding& req)
    : inventory_(inventoryOf(bundle.image(), map)), req_(req) {
  z3::context& c = req.env().ctx();
  const detail::BundleData& data = detail::bundle_data(bundle);
  const BundleImage& im = data.image;
  int ba = map.bundleAction.at(req.action());
  std::map<uint32_t, BlockTerms> blocks;  // by code block index
  DecisionInputs in{&inventory_, req.action(), &req.agents(), req.agentSel, req.now, req.hasUser, {}};
  for (uint32_t ri = 0; ri < im.rules.size(); ++ri) {
    const RuleImage& r = im.rules[ri];
    const RuleBody* body = nullptr;
    for (const RuleBody& b : r.bodies)
      if (static_cast<int>(b.action) == ba) body = &b;
    if (!body) continue;
    BytecodeRule out{ri, map.rule[ri], r.id, effectOf(r.effect), r.side == Side::User,
                     c.bool_val(true), c.bool_val(false), c.bool_val(false), c.bool_val(false), ""};
    if (!out.userSide && !r.all_agents) {
      z3::expr any = c.bool_val(false);
      for (uint32_t g : r.agents) {
        int i = req.agents().indexOf(im.agents.at(g).name);
        if (i >= 0) any = any || req.agentSel == i;
      }
      out.applies = any.simplify();
    }
    try {
      auto it = blocks.find(body->code);
      if (it == blocks.end()) {
        SymExec exec(data, map, req, static_cast<uint32_t>(ba), facts_, witnesses_);
        it = blocks.emplace(body->code, exec.run(data.code.at(body->code))).first;
      }
      out.returnsTrue = it->second.returnsTrue;
      out.error = it->second.error;
      out.matches = out.effect == ast::Effect::Permit ? out.returnsTrue : out.returnsTrue || out.error;
    } catch (const std::exception& e) {  // Unsupported, or an index the loader should have refused
      out.unsupported = e.what();
      std::string name = "bytecode[" + r.id + "]@" + req.actionInfo().name + ".match";
      out.matches = c.bool_const(name.c_str());
      if (unsupported_.empty()) unsupported_ = "rule `" + r.id + "` (bytecode): " + e.what();
    }
    uint32_t ruleIndex = out.sourceRule >= 0 ? static_cast<uint32_t>(out.sourceRule) : 0x80000000u + ri;
    in.rules.push_back(RuleTerm{ruleIndex, out.effect, out.userSide, out.applies, out.matches});
    rules.push_back(std::move(out));
  }
  decision.emplace(encodeDecision(c, in));
}

z3::expr BytecodeModel::witnesses() const {
  z3::expr all = req_.env().ctx().bool_val(true);
  for (const z3::expr& w : witnesses_) all = all && w;
  return all;
}

const BytecodeRule* BytecodeModel::byId(const std::string& id) const {
  for (const BytecodeRule& r : rules)
    if (r.id == id) return &r;
  return nullptr;
}

z3::expr BytecodeModel::facts() const {
  z3::expr all = req_.env().ctx().bool_val(true);
  for (const z3::expr& f : facts_) all = all && f;
  return all;
}

}  // namespace agentpol::verify::bytecode
