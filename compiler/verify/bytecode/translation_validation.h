// translation_validation.h — proves that a compiled bundle decides exactly
// like the policy it was compiled from: per action, for every request (any
// agent, with or without a user, any values), the bytecode's decision,
// reason and each rule's fail-closed match equal the source encoding's.
// A difference comes with a counterexample request (spec 8 JSON) and the
// rule whose terms differ; a solver `unknown` or a block that cannot be
// modelled is `unknown`. Entry: validateTranslation (used by `build --verify`).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <agentpol/bundle.h>
#include <nlohmann/json.hpp>

#include "sema/checked_policy.h"
#include "verify/check_result.h"

namespace agentpol::verify::bytecode {

struct TranslationResult {
  Status status = Status::Unknown;  // Proved: equal; Violated: they differ
  std::string message;              // one line for humans
  std::string action;               // the action where they differ (or undecided)
  std::string rule;                 // the rule whose terms differ, when one does
  std::optional<nlohmann::json> counterexample;  // a request where they differ
  bool confirmed = false;           // replayed through both encodings
  std::string sourceDecision, bytecodeDecision;  // "allow/permitted" on the counterexample
  unsigned actions = 0;             // actions proved equal
  double millis = 0;                // solver time
};

TranslationResult validateTranslation(const sema::CheckedPolicy& policy, std::shared_ptr<const Bundle> bundle,
                                      unsigned timeoutMs);

}  // namespace agentpol::verify::bytecode
