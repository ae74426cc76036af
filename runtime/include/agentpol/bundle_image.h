// agentpol/bundle_image.h — the in-memory, plain-data form of a bundle. The
// compiler's codegen fills a BundleImage and calls serialize(); the loader
// parses bytes back into one. docs/bytecode.md describes the bytes.
#pragma once
#include <agentpol/types.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace agentpol {

constexpr uint16_t kFormatVersion = 3;  // 2: actions carry their MCP tool (`@tool`); 3: the debug table
constexpr uint32_t kMaxStack = 128;    // value-stack slots one block may use
constexpr uint32_t kMaxScratch = 256;  // set-literal elements one block may build

// One typed slot: an entity attribute, record field, context field or action
// argument. Record-typed fields are flattened by the compiler into several
// slots named with dots ("token.issued_at").
struct SlotImage {
  std::string name;
  Type type;
  bool optional = false;
  bool operator==(const SlotImage& o) const {
    return name == o.name && type == o.type && optional == o.optional;
  }
};

struct EnumImage {
  std::string name;
  std::vector<std::string> values;
  bool operator==(const EnumImage& o) const { return name == o.name && values == o.values; }
};

// Records exist only for tools (disasm, inventory); at run time they are slots.
struct RecordImage {
  std::string name;
  std::vector<SlotImage> fields;
  bool operator==(const RecordImage& o) const { return name == o.name && fields == o.fields; }
};

struct EntityTypeImage {
  std::string name;
  std::vector<SlotImage> attrs;  // fixed attribute slots, flattened
  bool operator==(const EntityTypeImage& o) const { return name == o.name && attrs == o.attrs; }
};

// params are the resources (entity-typed, required); args are plain values
// (optional ones flagged). `tool` is the MCP tool of `@tool("…")`, "" when
// the action has none (it then stands for the tool of its own name; see
// Bundle::action_for_tool).
struct ActionImage {
  std::string name;
  std::vector<SlotImage> params;
  std::vector<SlotImage> args;
  std::string tool;
  // The MCP tool this action stands for: its `@tool`, else its name.
  const std::string& tool_name() const { return tool.empty() ? name : tool; }
  bool operator==(const ActionImage& o) const {
    return name == o.name && params == o.params && args == o.args && tool == o.tool;
  }
};

struct AgentImage {
  std::string name, owner, purpose;
  std::optional<int64_t> reviewed, expires;  // epoch seconds
  bool has_scope = false;                     // `may` given
  std::vector<uint32_t> may;                  // action indices, ascending
  bool operator==(const AgentImage& o) const {
    return name == o.name && owner == o.owner && purpose == o.purpose &&
           reviewed == o.reviewed && expires == o.expires &&
           has_scope == o.has_scope && may == o.may;
  }
};

// A constant: scalars use ints[0] (or strings[0] for String); sets list their
// elements in ints (int-like elements) or strings (String elements).
struct ConstImage {
  Type type;
  std::vector<int64_t> ints;
  std::vector<std::string> strings;

  static ConstImage scalar(Type t, int64_t v) { return {t, {v}, {}}; }
  static ConstImage str(std::string s) { return {Type::string(), {}, {std::move(s)}}; }
  static ConstImage int_set(Type elem, std::vector<int64_t> v) {
    return {Type::set_of(elem), std::move(v), {}};
  }
  static ConstImage string_set(std::vector<std::string> v) {
    return {Type::set_of(Type::string()), {}, std::move(v)};
  }
  bool operator==(const ConstImage& o) const {
    return type == o.type && ints == o.ints && strings == o.strings;
  }
};

// A `like` pattern split at its wildcards: "a*b*" is {"a", "b", ""}. A literal
// star (written `\*` in source) is stored unescaped inside a segment.
struct PatternImage {
  std::vector<std::string> segments;  // at least one
  // Splits source glob text (`*` wildcard, `\*` literal star, `\\` backslash).
  static PatternImage from_glob(const std::string& glob);
  bool operator==(const PatternImage& o) const { return segments == o.segments; }
};

struct CodeImage {
  std::vector<uint8_t> bytes;  // see opcodes.def and docs/bytecode.md
  bool operator==(const CodeImage& o) const { return bytes == o.bytes; }
};

enum class Effect : uint8_t { Permit = 0, Forbid = 1, Escalate = 2 };
enum class Side : uint8_t { Agent = 0, User = 1 };

// The code block deciding a rule for one action (blocks may be shared).
struct RuleBody {
  uint32_t action = 0;
  uint32_t code = 0;
  bool operator==(const RuleBody& o) const { return action == o.action && code == o.code; }
};

struct RuleImage {
  std::string id;
  Effect effect = Effect::Permit;
  Side side = Side::Agent;
  std::vector<std::pair<std::string, std::string>> annotations;  // besides @id
  bool all_agents = true;         // `agent *` (ignored for user rules)
  std::vector<uint32_t> agents;   // named agents, ascending, when !all_agents
  std::vector<RuleBody> bodies;   // ascending by action, one per action
  bool operator==(const RuleImage& o) const {
    return id == o.id && effect == o.effect && side == o.side &&
           annotations == o.annotations && all_agents == o.all_agents &&
           agents == o.agents && bodies == o.bodies;
  }
};

// Debug information (optional): per rule, its source position and its
// condition parts (spec 9: the top-level `&&`-operands of `when` and of
// `unless`), and per body the code offsets of each part. Coverage and
// explain (agentpol/trace.h) read it; decisions never do.
struct PartImage {
  std::string text;            // the part's source text, whitespace runs collapsed
  uint32_t line = 0, column = 0;
  bool in_unless = false;
  bool operator==(const PartImage& o) const {
    return text == o.text && line == o.line && column == o.column && in_unless == o.in_unless;
  }
};

enum class PartKind : uint8_t { Code = 0, False = 1, True = 2 };

// Where one part is computed in a body's code block: instructions
// [start, end) leave its value on the stack (negated when `invert`), the
// instruction at `end` follows. A part folded to a constant has no code.
struct PartCode {
  uint32_t part = 0;
  PartKind kind = PartKind::Code;
  uint32_t start = 0, end = 0;  // instruction indices (Code only)
  bool invert = false;
  bool operator==(const PartCode& o) const {
    return part == o.part && kind == o.kind && start == o.start && end == o.end && invert == o.invert;
  }
};

struct RuleDebugImage {
  std::string file;  // as the compiler was given it
  uint32_t line = 0;
  std::vector<PartImage> parts;
  std::vector<std::vector<PartCode>> bodies;  // parallel to RuleImage::bodies; ascending parts
  bool operator==(const RuleDebugImage& o) const {
    return file == o.file && line == o.line && parts == o.parts && bodies == o.bodies;
  }
};

struct BundleImage {
  std::array<uint8_t, 32> source_hash{};  // given by the compiler
  std::string ns;                         // `namespace`, may be empty
  std::vector<EnumImage> enums;
  std::vector<RecordImage> records;
  std::vector<EntityTypeImage> entity_types;
  std::optional<uint32_t> agent_type, user_type;  // entity types of agent/user
  std::vector<SlotImage> context;                 // flattened context record
  std::vector<ActionImage> actions;
  std::vector<AgentImage> agents;                 // the inventory
  std::vector<ConstImage> constants;
  std::vector<PatternImage> patterns;
  std::vector<CodeImage> code;
  std::vector<RuleImage> rules;
  std::vector<RuleDebugImage> debug;  // empty, or one per rule

  bool operator==(const BundleImage& o) const;
};

// Writes the bundle bytes (header, checksum, tables, index, code). The image
// is not validated here: load the result to check it.
std::vector<uint8_t> serialize(const BundleImage& image);

// Parses bundle bytes back into an image after checking the header, the
// checksum and every table bound (not the code). Used by the loader; returns
// false and sets *error on malformed input.
bool parse_image(const uint8_t* data, size_t size, BundleImage* out, std::string* error);

}  // namespace agentpol
