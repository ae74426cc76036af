// concrete_outcome.h — one concrete request (spec 8 JSON) decided by both the
// source encoding and the bytecode model of its action: every request symbol
// pinned (concrete_request.h), each decision, reason and rule match read back
// and proved forced by the solver (forced_value.h: Z3 may leave set
// operations unreduced in a model).
// Used to explain and confirm translation-validation counterexamples, and by
// the tests to compare the bytecode terms with the VM. Entry: decideBoth.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "verify/action_model.h"
#include "verify/bytecode/bytecode_model.h"

namespace agentpol::verify::bytecode {

struct RuleOutcome {
  std::string id;
  int source = -1;    // fail-closed hit (applies and matches): 0/1; -1 when absent
  int bytecode = -1;  // likewise
  int block = -1;     // the bytecode block: 0 false, 1 true, 2 error; -1 absent
};

struct BothDecisions {
  bool determined = false;         // the solver proved every value below forced
  std::string error;               // why not: the request does not pin, a term is open, unknown
  std::string source, bytecode;    // "allow/permitted"
  std::vector<RuleOutcome> rules;  // union by rule id
  bool userPresent = false;
  int bytecodeUserDecision = 0;    // 0 deny, 1 escalate, 2 allow
  int bytecodeDecisionCode = 0;    // the bytecode's final decision, likewise
  int sourceUserDecision = 0;      // the source's user rules alone, likewise
};

BothDecisions decideBoth(ActionModel& m, BytecodeModel& bc, const nlohmann::json& request, unsigned timeoutMs);

}  // namespace agentpol::verify::bytecode
