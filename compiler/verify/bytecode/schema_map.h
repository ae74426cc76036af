// schema_map.h — how a loaded bundle's tables correspond to the checked
// policy the source encoding is built from, matched by name exactly as the
// runtime's request reader matches JSON: entity types, enums and their values,
// actions, parameters, flattened (dotted) context/argument/attribute slots as
// field paths, agents and rule ids. Any difference in names or types is an
// error (nothing is proved about a bundle whose schema is not the policy's).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <agentpol/bundle_image.h>

#include "sema/checked_policy.h"

namespace agentpol::verify::bytecode {

// A flattened slot as a path of field indices: the first into the base field
// list (context record, entity attributes or action arguments), the rest into
// nested records.
using FieldPath = std::vector<uint32_t>;

constexpr int kUnmapped = -1;

struct SchemaMap {
  std::vector<int> entity;                   // bundle entity type -> Schema::entities
  std::vector<int> enumOf;                   // bundle enum -> Schema::enums
  std::vector<std::vector<int>> enumValue;   // [bundle enum][bundle value] -> value index
  std::vector<int> action;                   // bundle action -> Schema::actions
  std::vector<int> bundleAction;             // Schema::actions -> bundle action
  std::vector<FieldPath> context;            // per bundle context slot
  std::vector<std::vector<FieldPath>> attrs; // [bundle entity type][slot]
  std::vector<std::vector<int>> params;      // [bundle action][param] -> ActionInfo::params
  std::vector<std::vector<FieldPath>> args;  // [bundle action][arg slot]
  std::vector<int> agent;                    // bundle agent -> Schema::agents
  std::vector<int> rule;                     // bundle rule -> CheckedPolicy::rules (by id), or kUnmapped

  // The sema type of a run-time type code (Set<Bool> stands for `[]` too).
  const sema::Type* semaType(const sema::CheckedPolicy& p, Type t) const;
};

// Matches `image` against `policy`; on any difference returns nullopt and
// says what differs in `error`.
std::optional<SchemaMap> mapSchema(const BundleImage& image, const sema::CheckedPolicy& policy, std::string& error);

}  // namespace agentpol::verify::bytecode
