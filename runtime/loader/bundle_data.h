// bundle_data.h — what the loader builds from a validated bundle: the decoded
// image, constants as VM values, decoded code blocks (operands resolved,
// jumps as instruction indices) and the per-action rule index. Read-only
// after loading; shared by every thread.
#pragma once
#include "bundle/opcodes.h"
#include "vm/value.h"
#include "vm/xop.h"

#include <agentpol/bundle_image.h>

#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace agentpol {
namespace detail {

// One decoded instruction. a, b: operands as in opcodes.def (jump: target
// instruction index); c: MKSET's scratch offset. x: what the VM executes —
// op itself, or a fused pair (vm/xop.h) set by fuse_block after verification.
struct Insn {
  Op op;
  XOp x = XOp::RET;
  uint32_t a = 0, b = 0, c = 0;
};

struct CodeBlock {
  std::vector<Insn> insns;
  std::vector<uint32_t> offsets;  // byte offset of each instruction
  uint32_t max_stack = 0;         // high-water mark (max over actions)
  uint32_t scratch = 0;           // set-literal elements built
};

struct RuleRef {
  uint32_t rule;
  uint32_t code;
  const Insn* insns = nullptr;  // code[code].insns.data(), set by link_index
};
struct Span {
  uint32_t begin = 0, end = 0;
};
struct PatternRef {
  uint32_t first, count;
};

struct BundleData {
  BundleImage image;
  uint64_t checksum = 0;
  uint64_t schema_hash = 0;

  std::vector<Val> consts;
  std::vector<Val> const_items;  // elements of constant sets
  std::vector<Val> segments;     // pattern segments (strings)
  std::vector<PatternRef> patterns;
  std::vector<CodeBlock> code;

  // Rule index: refs grouped in spans [subject][effect].
  std::vector<RuleRef> refs;
  std::vector<Span> user_index;   // [action * 3 + effect]
  std::vector<Span> wild_index;   // [action * 3 + effect]
  std::vector<Span> named_index;  // [(action * agents + agent) * 3 + effect]
  std::vector<uint8_t> may;       // [agent * actions + action]: in scope

  // Required (non-optional) slot indices, ascending, for the per-decision
  // completeness check: context, [action] params and args, [type] attributes.
  using Slots = std::vector<uint32_t>;
  Slots req_ctx;
  std::vector<Slots> req_params, req_args, req_attrs;

  using Names = std::vector<std::pair<std::string_view, uint32_t>>;  // sorted
  Names action_names, agent_names, type_names;
  Names tool_names;  // each action's MCP tool (`@tool`, else its name) -> the action
  // Agents by name, hashed: a request names its agent on every decision and
  // a policy may declare thousands (a binary search there was ~10 memcmp).
  std::unordered_map<std::string_view, uint32_t> agent_map;
};

inline uint32_t find_name(const BundleData::Names& names, std::string_view n) {
  size_t lo = 0, hi = names.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (names[mid].first < n) lo = mid + 1;
    else hi = mid;
  }
  return lo < names.size() && names[lo].first == n ? names[lo].second : 0xffffffffu;
}

// Loader stages (each returns false and sets *error).
bool check_schema(const BundleImage& im, std::string* error);
bool decode_block(const BundleImage& im, const CodeImage& code, CodeBlock* out, std::string* error);
bool verify_block(const BundleImage& im, CodeBlock* block, uint32_t action, std::string* error);
bool link_bundle(BundleData* d, std::string* error);
// Marks fusable instruction pairs of a verified block (Insn::x).
void fuse_block(CodeBlock* block);
bool valid_type(const BundleImage& im, Type t, bool allow_set, bool allow_record);

}  // namespace detail
}  // namespace agentpol
