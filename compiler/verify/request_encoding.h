// request_encoding.h — the symbolic request space of one action: `now`, the
// agent (an index into an AgentDomain), the optional user, the action's
// parameters and arguments, the context, and the entity model (per entity
// type an uninterpreted sort with id/attrs-supplied/attribute functions).
// Collects the domain constraints (int64 ranges, id injectivity) of every
// term it hands out; an ActionModel asserts them. Symbols are named by
// declaration, so two policy versions share the symbols they have in common.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "verify/sym_value.h"
#include "verify/z3_env.h"

namespace agentpol::verify {

// The agents a request may come from: index i < names.size() is names[i];
// index names.size() stands for any other name (`RequestEncoding::otherAgent`).
struct AgentDomain {
  std::vector<std::string> names;
  static AgentDomain of(const sema::Schema& schema);
  int indexOf(const std::string& name) const;
};

class RequestEncoding {
 public:
  RequestEncoding(Z3Env& env, const sema::CheckedPolicy& policy, uint32_t action, AgentDomain agents);

  Z3Env& env() { return env_; }
  const sema::CheckedPolicy& policy() const { return policy_; }
  const sema::Schema& schema() const { return policy_.schema; }
  const sema::ActionInfo& actionInfo() const { return schema().actions[action_]; }
  uint32_t action() const { return action_; }
  const AgentDomain& agents() const { return domain_; }

  // ---- the request
  z3::expr now;        // Int
  z3::expr agentSel;   // Int in [0, domain size]: the acting agent
  z3::expr agentName;  // String: agent.id
  z3::expr otherAgent; // String: the name when agentSel == domain size
  z3::expr hasUser;    // Bool
  std::optional<z3::expr> agentEnt;  // element of the Agent sort (when declared)
  std::optional<z3::expr> userEnt;   // element of the User sort (when declared)
  std::vector<SymValue> params;      // per ActionInfo::params
  std::vector<SymValue> args;        // per ActionInfo::args
  std::vector<z3::expr> argPresent;  // per ActionInfo::args: a free Bool `arg.NAME?` when optional, else true
  std::optional<SymValue> context;   // the context record

  // `agentSel` names a declared agent of the domain (not "another name").
  z3::expr agentIsDeclared();
  // agentSel == index of `name` in the domain (false when it is not there).
  z3::expr agentIs(const std::string& name);

  // ---- the entity model
  z3::expr entityId(uint32_t entityType, const z3::expr& e);
  z3::expr attrsSupplied(uint32_t entityType, const z3::expr& e);
  SymField attribute(uint32_t entityType, const z3::expr& e, uint32_t field);
  // The element whose id is `id` (the inverse of entityId).
  z3::expr entityWithId(uint32_t entityType, const z3::expr& id);

  // While false, terms handed out are not recorded (counterexample
  // rendering builds terms over model values that the solver never sees).
  void setRecording(bool on) { recording_ = on; }

  // ---- what the solver must know and what extraction needs
  std::vector<z3::expr> domain;  // grows as terms are handed out
  // Element terms tested for set membership, by key sort name (set_model).
  std::vector<z3::expr> memberKeys;
  void noteMemberKey(const z3::expr& key) {
    if (recording_) memberKeys.push_back(key);
  }
  // Leaf terms to keep readable in counterexamples (strings, times, durations).
  std::vector<z3::expr> stringTerms, timeTerms, durationTerms;
  // Entity ids handed out (request JSON needs them non-empty; the C++ API does not).
  std::vector<z3::expr> idTerms;
  // Entity terms handed out, per entity type (extraction renders these).
  std::map<uint32_t, std::vector<z3::expr>> entityTerms;

 private:
  using LeafFn = std::function<z3::expr(const std::string& name, const z3::sort& s)>;
  SymValue makeValue(const sema::Type* t, const std::string& name, const LeafFn& leaf);
  void noteLeaf(const sema::Type* t, const z3::expr& term);
  void noteEntity(uint32_t entityType, const z3::expr& e);
  z3::func_decl fn(const std::string& name, const z3::sort& from, const z3::sort& to);

  Z3Env& env_;
  const sema::CheckedPolicy& policy_;
  uint32_t action_;
  AgentDomain domain_;
  bool recording_ = true;
  std::set<unsigned> seen_;          // ast ids of leaves whose constraints are in `domain`
  std::set<unsigned> seenEntities_;  // ast ids of entity terms in entityTerms
};

}  // namespace agentpol::verify
