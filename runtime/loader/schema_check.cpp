// schema_check.cpp — loader stage 2: semantic checks of the decoded tables
// (type codes, unique names, parameter kinds, constant shapes) before any
// code is decoded. Entry point: check_schema().
#include "loader/bundle_data.h"

#include <agentpol/agent_name.h>
#include <agentpol/tool_name.h>

#include <algorithm>

namespace agentpol {
namespace detail {

bool valid_type(const BundleImage& im, Type t, bool allow_set, bool allow_record) {
  if ((t.code & 0xF) >= kKindCount) return false;
  if (t.is_set() && (!allow_set || t.kind() == Kind::Record)) return false;
  uint32_t p = t.param();
  switch (t.kind()) {
    case Kind::Money:
      return p < (1u << 15) && (p & 31) < 26 && ((p >> 5) & 31) < 26 && (p >> 10) < 26;
    case Kind::Enum: return p < im.enums.size();
    case Kind::Entity: return p < im.entity_types.size();
    case Kind::Record: return allow_record && p < im.records.size();
    default: return p == 0;
  }
}

namespace {

struct Checker {
  const BundleImage& im;
  std::string* error;

  bool fail(const std::string& what) {
    *error = what;
    return false;
  }
  template <class T, class F>
  bool unique(const std::vector<T>& v, F name, const char* what) {
    std::vector<std::string_view> names;
    for (const T& x : v) names.push_back(name(x));
    std::sort(names.begin(), names.end());
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i].empty()) return fail(std::string("empty ") + what + " name");
      if (i > 0 && names[i] == names[i - 1]) return fail(std::string("duplicate ") + what + " `" + std::string(names[i]) + "`");
    }
    return true;
  }
  bool slots(const std::vector<SlotImage>& v, bool allow_record, const char* what) {
    for (const SlotImage& s : v)
      if (!valid_type(im, s.type, true, allow_record)) return fail(std::string("bad type in ") + what + " `" + s.name + "`");
    return unique(v, [](const SlotImage& s) { return std::string_view(s.name); }, what);
  }
  bool tables();
  bool actions();
  bool agents();
  bool constant(const ConstImage& c);
  bool rules();
};

bool Checker::tables() {
  auto by_name = [](const auto& x) { return std::string_view(x.name); };
  if (!unique(im.enums, by_name, "enum") || !unique(im.records, by_name, "record") ||
      !unique(im.entity_types, by_name, "entity type")) return false;
  for (const EnumImage& e : im.enums) {
    if (e.values.empty()) return fail("enum `" + e.name + "` has no values");
    if (!unique(e.values, [](const std::string& s) { return std::string_view(s); }, "enum value")) return false;
  }
  for (const RecordImage& r : im.records) if (!slots(r.fields, true, "record field")) return false;
  for (const EntityTypeImage& t : im.entity_types) if (!slots(t.attrs, false, "attribute")) return false;
  return slots(im.context, false, "context field");
}

bool Checker::actions() {
  if (!unique(im.actions, [](const ActionImage& a) { return std::string_view(a.name); }, "action")) return false;
  // Each MCP tool stands for one action (its `@tool`, else its name).
  if (!unique(im.actions, [](const ActionImage& a) { return std::string_view(a.tool_name()); }, "MCP tool"))
    return false;
  for (const ActionImage& a : im.actions) {
    if (!a.tool.empty()) {
      std::string why = tool_name_problem(a.tool);
      if (!why.empty()) return fail("action `" + a.name + "`: invalid MCP tool name: " + why);
    }
    std::vector<SlotImage> all = a.params;
    all.insert(all.end(), a.args.begin(), a.args.end());
    if (!slots(all, false, "action field")) return false;
    for (const SlotImage& p : a.params)
      if (p.type.kind() != Kind::Entity || p.type.is_set() || p.optional)
        return fail("parameter `" + p.name + "` of `" + a.name + "` is not a required entity");
  }
  return true;
}

bool Checker::agents() {
  if (!unique(im.agents, [](const AgentImage& a) { return std::string_view(a.name); }, "agent")) return false;
  for (const AgentImage& a : im.agents) {
    std::string why = agent_name_problem(a.name);
    if (!why.empty()) return fail("invalid agent name: " + why);
    if (!a.has_scope && !a.may.empty()) return fail("agent scope without the scope flag");
    for (size_t i = 1; i < a.may.size(); ++i)
      if (a.may[i] <= a.may[i - 1]) return fail("agent `" + a.name + "` scope not strictly ascending");
  }
  return true;
}

bool Checker::constant(const ConstImage& c) {
  Type t = c.type, e = c.type.element();
  if (!valid_type(im, t, true, false)) return fail("constant of a bad type");
  bool is_str = e.kind() == Kind::String;
  size_t n = is_str ? c.strings.size() : c.ints.size();
  if ((is_str ? !c.ints.empty() : !c.strings.empty()) || (!t.is_set() && n != 1))
    return fail("constant shape does not match its type");
  if (e.kind() == Kind::Entity && n != 0) return fail("entity constants cannot exist");
  for (int64_t v : c.ints) {
    if (e.kind() == Kind::Bool && (v < 0 || v > 1)) return fail("Bool constant not 0 or 1");
    if (e.kind() == Kind::Enum && (v < 0 || static_cast<uint64_t>(v) >= im.enums[e.param()].values.size()))
      return fail("enum constant out of range");
  }
  return true;
}

bool Checker::rules() {
  if (!unique(im.rules, [](const RuleImage& r) { return std::string_view(r.id); }, "rule id")) return false;
  std::vector<uint8_t> used(im.code.size(), 0);
  for (const RuleImage& r : im.rules)
    for (const RuleBody& b : r.bodies) used[b.code] = 1;
  for (size_t i = 0; i < used.size(); ++i)
    if (!used[i]) return fail("code block " + std::to_string(i) + " is used by no rule");
  return true;
}

}  // namespace

bool check_schema(const BundleImage& im, std::string* error) {
  Checker c{im, error};
  if (!c.tables() || !c.actions() || !c.agents() || !c.rules()) return false;
  for (const ConstImage& k : im.constants) if (!c.constant(k)) return false;
  return true;
}

}  // namespace detail
}  // namespace agentpol
