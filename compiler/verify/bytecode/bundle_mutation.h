// bundle_mutation.h — deliberate miscompilations, for testing translation
// validation and the bytecode delegation proof: each returns a copy of a
// loaded bundle's image changed so that it still loads (same types and stack
// shapes) but decides differently. Used by tests/verify_bytecode and by
// `agentpolc build --verify` under AGENTPOL_BUILD_MUTATE (testing only).
#pragma once

#include <optional>
#include <string>

#include <agentpol/bundle.h>

namespace agentpol::verify::bytecode {

enum class Mutation {
  FlipComparison,    // the first LT/LE/GT/GE/EQ/NE becomes LE/LT/GE/GT/NE/EQ
  BumpConstant,      // the first Int/Money/Duration/Time constant grows by one
  UserRuleAlwaysTrue // the first user rule's first block becomes `BOOL 1; RET`
};

// Parses "flip-comparison", "bump-constant", "user-rule-true".
std::optional<Mutation> mutationNamed(const std::string& name);

// The mutated image, or nullopt when the bundle has nothing to mutate.
// `what` (optional) says what was changed.
std::optional<BundleImage> mutateBundle(const Bundle& bundle, Mutation m, std::string* what = nullptr);

}  // namespace agentpol::verify::bytecode
