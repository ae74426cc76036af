// schema.h — the declarations of a checked policy set as data: enums,
// records (the `context` is one), entities, actions and the agent inventory,
// each addressed by its index. Named types point back here through
// Type::index(). Built by schema_builder; part of sema::CheckedPolicy.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <llvm/ADT/StringMap.h>
#include <llvm/ADT/StringRef.h>

#include "ast/source_range.h"
#include "sema/type.h"

namespace agentpol::sema {

// A record or entity attribute, or an action parameter/argument.
struct Field {
  std::string name;
  const Type* type = nullptr;
  bool optional = false;  // `name?: T`: attributes and action arguments (never parameters)
  SourceRange range;
};

// A record or an entity: the same shape. Entities also have `e.id` (String),
// which is not a Field.
struct RecordInfo {
  std::string name;        // "context" for the context record
  std::string module;      // declaring stdlib module ("std.identity"), "" for user code
  const Type* type = nullptr;
  std::vector<Field> fields;
  SourceRange range;

  // Position of an attribute in `fields`, or -1.
  int fieldIndex(llvm::StringRef attr) const;
  const Field* field(llvm::StringRef attr) const;
};

struct EnumInfo {
  std::string name;
  std::string module;
  const Type* type = nullptr;
  std::vector<std::string> values;  // in declaration order; a value's index is its code
  SourceRange range;

  int valueIndex(llvm::StringRef value) const;
};

// `action name(params) { args }`. Params have entity types (the resources
// acted on) and are always given; args are values of any non-entity type and
// may be optional (`head?: Int`, read after a bare `has head`).
struct ActionInfo {
  std::string name;
  std::vector<Field> params;
  std::vector<Field> args;
  SourceRange range;
  std::string tool;       // `@tool("…")`: the MCP tool it stands for; "" when none
  SourceRange toolRange;  // the `@tool` annotation (invalid when none)

  // The MCP tool this action stands for (spec 11): its `@tool`, else its name.
  const std::string& toolName() const { return tool.empty() ? name : tool; }
};

// One `agent` of the inventory.
struct AgentInfo {
  std::string name;
  std::string owner;
  std::string purpose;
  std::optional<int64_t> reviewed;  // epoch seconds
  std::optional<int64_t> expires;   // epoch seconds
  bool hasScope = false;            // `may` given (possibly empty)
  std::vector<uint32_t> may;        // action indices, in the order written
  SourceRange range;
};

struct Schema {
  std::vector<EnumInfo> enums;
  std::vector<RecordInfo> records;   // includes the context record
  std::vector<RecordInfo> entities;
  std::vector<ActionInfo> actions;   // in declaration order (files in order given)
  std::vector<AgentInfo> agents;     // in declaration order
  uint32_t contextRecord = 0;        // index in `records`; an empty record when no `context`
  bool hasContextDecl = false;
  std::optional<uint32_t> userEntity;   // index in `entities` of `User`, if declared
  std::optional<uint32_t> agentEntity;  // index in `entities` of `Agent`, if declared
  llvm::StringMap<uint32_t> actionIndex;
  llvm::StringMap<uint32_t> agentIndex;

  // The record or entity behind a Record/Entity type.
  const RecordInfo& recordOf(const Type* t) const {
    return t->kind() == Type::Kind::Entity ? entities[t->index()] : records[t->index()];
  }
  const EnumInfo& enumOf(const Type* t) const { return enums[t->index()]; }
  const RecordInfo& context() const { return records[contextRecord]; }
};

}  // namespace agentpol::sema
