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
#include "sema/condition_parts.h"

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

// The rule's file:line and its parts' text and position (bodies filled later).
RuleDebugImage ruleDebug(const sema::CheckedRule& r, const diag::SourceManager& sm) {
  RuleDebugImage d;
  if (r.effectRange.valid() && r.effectRange.file < sm.fileCount()) {
    d.file = sm.path(r.effectRange.file);
    d.line = sm.lineCol(r.effectRange.file, r.effectRange.begin).line;
  }
  for (const sema::RulePart& p : sema::ruleParts(r)) {
    PartImage part;
    part.text = sm.snippet(p.expr->range);
    if (p.expr->range.valid() && p.expr->range.file < sm.fileCount()) {
      diag::LineCol lc = sm.lineCol(p.expr->range.file, p.expr->range.begin);
      part.line = lc.line;
      part.column = lc.column;
    }
    part.in_unless = p.inUnless;
    d.parts.push_back(std::move(part));
  }
  return d;
}

}  // namespace

BundleImage compileBundle(const sema::CheckedPolicy& policy, std::vector<LimitError>* errors,
                          const diag::SourceManager* sources) {
  ir::Program program = ir::lower(policy);
  BundleImage image;
  fillTables(policy, program.layout, image);
  Pools pools{image};
  std::map<std::vector<uint8_t>, uint32_t> blocks;  // bytes -> code index
  for (const ir::Rule& r : program.rules) {
    RuleImage out = ruleHeader(*r.source);
    RuleDebugImage dbg;
    if (sources) dbg = ruleDebug(*r.source, *sources);
    for (const ir::RuleBody& b : r.bodies) {
      EmittedBlock e = emitBlock(b.cond, pools, b.parts);
      if (sources) dbg.bodies.push_back(std::move(e.partCodes));
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
    if (sources) image.debug.push_back(std::move(dbg));
  }
  return image;
}

std::vector<uint8_t> compileBundleBytes(const sema::CheckedPolicy& policy, std::vector<LimitError>* errors,
                                        const diag::SourceManager* sources) {
  return serialize(compileBundle(policy, errors, sources));
}

}  // namespace agentpol::codegen
