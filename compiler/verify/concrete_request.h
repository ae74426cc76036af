// concrete_request.h — the other direction of counterexample.h: pins every
// symbol of an ActionModel's request to the values of one concrete request
// JSON (spec section 8), so the encoding can be evaluated on it. Used to
// confirm each counterexample (replay through the encoding) and by the
// differential test against the runtime VM. Entry points: pinRequest,
// decideConcrete, readReportingRules.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "verify/action_model.h"

namespace agentpol::verify {

class ForcedValues;

struct BadConcreteRequest : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Constraints fixing the request of `req` to `request`; throws
// BadConcreteRequest when the JSON does not fit the schema.
std::vector<z3::expr> pinRequest(RequestEncoding& req, const nlohmann::json& request);

// Parsers for the value spellings (throw BadConcreteRequest).
int64_t parseTime(const std::string& text);
int64_t parseDuration(const std::string& text);
int64_t parseMoney(const std::string& text, const std::string& currency);

struct ConcreteDecision {
  bool determined = false;         // the solver proved every value below forced
  std::string decision;            // "allow" / "escalate" / "deny"
  std::string reason;              // reason code
  std::vector<std::string> rules;  // reporting rule ids, sorted
  std::string error;               // when not determined: which term is open, or why
};

// Decides requests of one action with the encoding of `model`: one solver
// holding the model's constraints, each request pinned inside push/pop.
// Decision, reason, each reporting rule's hit and the user side's decision
// (which picks the reporting rules) are proposed by a model and proved
// forced by the solver; anything open or a solver `unknown` is undetermined.
class ConcreteEvaluator {
 public:
  explicit ConcreteEvaluator(ActionModel& model, unsigned timeoutMs = 10000);
  ConcreteDecision decide(const nlohmann::json& request);

 private:
  void read(ForcedValues& f, ConcreteDecision& out);  // with the request pinned

  ActionModel& model_;
  z3::solver solver_;
  size_t synced_ = 0;
};

// One-off: decides `request` with the encoding of `model`.
ConcreteDecision decideConcrete(ActionModel& model, const nlohmann::json& request, unsigned timeoutMs = 10000);

// One rule as the reporting-rule selection sees it: `hit` is its
// fail-closed match on the acting agent (applies ∧ matches).
struct HitTerm {
  std::string id;
  bool userSide = false;
  ast::Effect effect = ast::Effect::Permit;
  z3::expr hit;
};

// The rules the runtime reports for `reason` (spec 6.1: the permits of a
// permit, the escalates of an escalation — the user's too when the user side
// escalates —, the forbids of a forbid), sorted; every hit, `hasUser` and
// the user side's decision read with `f` (proved forced by the solver).
std::vector<std::string> readReportingRules(ForcedValues& f, Reason reason, const std::vector<HitTerm>& rules,
                                            const z3::expr& hasUser, const z3::expr& userDecision);

}  // namespace agentpol::verify
