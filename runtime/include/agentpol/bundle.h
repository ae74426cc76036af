// agentpol/bundle.h — a loaded, validated, immutable bundle and its name
// lookups. load_bundle() checks everything (header, checksum, tables, code
// types and stack depth) and returns an error value instead of throwing.
#pragma once
#include <agentpol/bundle_image.h>
#include <agentpol/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace agentpol {

namespace detail {
struct BundleData;  // runtime-internal (loader/bundle_data.h)
struct Access;      // in-tree access to it (api/access.h); not installed
}

constexpr uint32_t kNone = 0xffffffffu;

struct ActionHandle {
  uint32_t index = kNone;
  bool valid() const { return index != kNone; }
};
struct EntityTypeHandle {
  uint32_t index = kNone;
  bool valid() const { return index != kNone; }
};
struct AgentHandle {
  uint32_t index = kNone;
  bool valid() const { return index != kNone; }
};

// Where a field lives in a request.
enum class FieldKind : uint8_t { Context, Param, Arg, Attr };

// A resolved slot: a context path, an action parameter or argument, or an
// entity attribute. Resolve once per bundle schema; use for every request.
struct FieldHandle {
  FieldKind kind = FieldKind::Context;
  uint32_t owner = kNone;  // action (Param/Arg) or entity type (Attr)
  uint32_t slot = kNone;
  Type type;
  bool optional = false;
  bool valid() const { return slot != kNone; }
};

class Bundle {
 public:
  ~Bundle();
  Bundle(const Bundle&) = delete;
  Bundle& operator=(const Bundle&) = delete;

  // The decoded tables (names, types, agents, rules, code bytes).
  const BundleImage& image() const;
  const std::array<uint8_t, 32>& source_hash() const;
  uint64_t checksum() const;
  // Hash of the request schema (types, context, actions and their MCP tools):
  // requests built for one bundle can be decided by another with the same
  // schema hash.
  uint64_t schema_hash() const;

  ActionHandle action(std::string_view name) const;
  // The action an MCP tool call maps to (spec 11): the action whose `@tool`
  // is `tool`, else the action named `tool` — unless that action has a
  // `@tool` of its own, which it then stands for instead (invalid handle:
  // no action; a gateway denies such a call). Each tool maps to at most
  // one action: the compiler and the loader refuse a bundle where two would.
  ActionHandle action_for_tool(std::string_view tool) const;
  AgentHandle agent(std::string_view name) const;
  EntityTypeHandle entity_type(std::string_view name) const;
  // A parameter or argument of `action` by name.
  FieldHandle action_field(ActionHandle action, std::string_view name) const;
  // A flattened context path such as "intent" or "token.issued_at".
  FieldHandle context_field(std::string_view path) const;
  // An attribute slot (flattened path) of an entity type.
  FieldHandle attribute(EntityTypeHandle type, std::string_view name) const;
  // Index of enum value `name` of enum `enum_index`, or kNone.
  uint32_t enum_value(uint32_t enum_index, std::string_view name) const;
  // Rule id of rule `index` (as reported in decisions).
  std::string_view rule_id(uint32_t index) const;

  // Human-readable listing of the tables and every code block.
  std::string disassemble() const;

  // Made by load_bundle() only.
 private:
  friend struct detail::Access;
  explicit Bundle(std::unique_ptr<detail::BundleData> d);
  std::unique_ptr<detail::BundleData> d_;
};

struct LoadResult {
  std::shared_ptr<const Bundle> bundle;  // null on failure
  std::string error;                     // why loading failed
  explicit operator bool() const { return bundle != nullptr; }
};

// Validates and loads a bundle; never throws, never evaluates a bad bundle.
LoadResult load_bundle(const uint8_t* data, size_t size);
LoadResult load_bundle(const std::vector<uint8_t>& bytes);
LoadResult load_bundle_file(const std::string& path);

// Loads then disassembles; on failure returns "error: <reason>\n".
std::string disassemble(const std::vector<uint8_t>& bytes);

// Renders a type the way the language writes it ("Set<String>", "Money<EUR>").
std::string type_name(Type t, const BundleImage& image);

}  // namespace agentpol
