// action_model.h — everything one check needs about one action of one
// policy: the request encoding, each applicable rule's condition and its
// fail-closed match (a Bool defined under a tracker literal, so unsat cores
// name rules), and the decision terms built from them. Checks share one
// ActionModel per action; a Prover asserts its constraints once.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "verify/decision_encoding.h"
#include "verify/expr_encoding.h"

namespace agentpol::verify {

struct RuleEntry {
  uint32_t rule = 0;             // index in CheckedPolicy::rules
  z3::expr applies;              // names the acting agent
  std::optional<SymValue> cond;  // the condition; none when unsupported
  z3::expr matchVar;             // Bool: the fail-closed match
  z3::expr definition;           // matchVar == <match of cond>, or true when unsupported
  z3::expr tracker;              // names this rule's definition in unsat cores
  std::string unsupported;       // why the condition could not be encoded
};

class ActionModel {
 public:
  // `tag` keeps the match/tracker symbols of two versions apart (diff).
  ActionModel(Z3Env& env, const sema::CheckedPolicy& policy, uint32_t action, const AgentDomain& agents,
              const std::string& tag = "");

  const sema::CheckedPolicy& policy() const { return req.policy(); }
  uint32_t action() const { return req.action(); }
  const RuleEntry* entry(uint32_t rule) const;
  // Every applicable rule's condition is encoded exactly.
  bool complete() const { return unsupported_.empty(); }
  const std::string& unsupported() const { return unsupported_; }

  // Encodes an assert body (or any Bool expression) over this action.
  SymValue encodeAssert(const sema::CheckedAssert& a);

  RequestEncoding req;
  std::vector<RuleEntry> rules;  // rules whose actions include this one, in source order
  std::optional<DecisionTerms> decision;

 private:
  std::string unsupported_;
};

// The rules of `policy` that cover `action`.
std::vector<uint32_t> rulesOfAction(const sema::CheckedPolicy& policy, uint32_t action);

}  // namespace agentpol::verify
