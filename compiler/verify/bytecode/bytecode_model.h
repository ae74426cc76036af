// bytecode_model.h — the compiled bundle's decision function for one action,
// over the same RequestEncoding as the source's ActionModel: each rule's code
// block for the action symbolically executed (sym_exec.h) into a fail-closed
// match, the rule's agents and effect from the bundle's index, and the
// decision built by encodeDecision with the bundle's own inventory (expiry,
// `may` scopes). A block that cannot be modelled leaves its match free, so
// nothing is proved that depends on it (Sat answers become unknown).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <agentpol/bundle.h>

#include "verify/bytecode/schema_map.h"
#include "verify/decision_encoding.h"

namespace agentpol::verify::bytecode {

struct BytecodeRule {
  uint32_t bundleRule = 0;  // index in BundleImage::rules
  int sourceRule = kUnmapped;  // the CheckedPolicy rule with the same id
  std::string id;
  ast::Effect effect = ast::Effect::Permit;
  bool userSide = false;
  z3::expr applies;         // the rule names the acting agent (true for `*` and user rules)
  z3::expr returnsTrue;     // the block returns true
  z3::expr error;           // the block ends with ERROR
  z3::expr matches;         // fail-closed: permit = returnsTrue; forbid/escalate = returnsTrue || error
  std::string unsupported;  // why the block could not be modelled (matches is then free)
};

class BytecodeModel {
 public:
  // `req` is the encoding of source action req.action(); the bundle's action
  // of the same name is executed.
  BytecodeModel(const Bundle& bundle, const SchemaMap& map, RequestEncoding& req);

  bool complete() const { return unsupported_.empty(); }
  const std::string& unsupported() const { return unsupported_; }
  const BytecodeRule* byId(const std::string& id) const;
  // What the runtime's flat slots imply about the request (docs: "an optional
  // record is present when some leaf is"); conjoin to every query.
  z3::expr facts() const;
  // Definitions of fresh witness elements for set operations (sym_exec.h):
  // they constrain only those fresh constants, so conjoin them to searches
  // (counterexamples keep the witnessed elements) but not to confirmations.
  z3::expr witnesses() const;

  std::vector<BytecodeRule> rules;  // the bundle's rules for this action, in bundle order
  std::optional<DecisionTerms> decision;

 private:
  sema::Schema inventory_;  // the bundle's agents, as encodeDecision reads them
  std::vector<z3::expr> facts_, witnesses_;
  std::string unsupported_;
  RequestEncoding& req_;
};

}  // namespace agentpol::verify::bytecode
