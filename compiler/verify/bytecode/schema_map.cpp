// schema_map.cpp — name-by-name matching of a bundle's tables against the
// checked policy (see schema_map.h). Flattened slots are matched against the
// policy's records flattened the way docs/ir.md describes: `r.f` names field
// f of record field r; every leaf of an optional record is optional.
#include "verify/bytecode/schema_map.h"

#include <map>

namespace agentpol::verify::bytecode {
namespace {

using K = sema::Type::Kind;

struct Leaf {
  FieldPath path;
  const sema::Type* type;
  bool optional;
};
using Leaves = std::map<std::string, Leaf>;

void flatten(const sema::Schema& s, const std::vector<sema::Field>& fields, const std::string& prefix,
             FieldPath path, bool optional, Leaves& out) {
  for (uint32_t i = 0; i < fields.size(); ++i) {
    const sema::Field& f = fields[i];
    FieldPath p = path;
    p.push_back(i);
    if (f.type->kind() == K::Record)
      flatten(s, s.records[f.type->index()].fields, prefix + f.name + ".", p, optional || f.optional, out);
    else
      out[prefix + f.name] = Leaf{p, f.type, optional || f.optional};
  }
}

class Matcher {
 public:
  Matcher(const BundleImage& im, const sema::CheckedPolicy& p, SchemaMap& m, std::string& error)
      : im_(im), p_(p), s_(p.schema), m_(m), error_(error) {}

  bool run() {
    return entities() && enums() && actionsAndSlots() && agents() && rules();
  }

 private:
  bool fail(const std::string& why) {
    if (error_.empty()) error_ = why;
    return false;
  }

  bool sameType(Type b, const sema::Type* t) {
    if (t->kind() == K::EmptySet) return b == Type::set_of(Type::boolean());
    if (t->kind() == K::Set) return b.is_set() && sameType(b.element(), t->element());
    if (b.is_set()) return false;
    switch (t->kind()) {
      case K::Bool: return b == Type::boolean();
      case K::Int: return b == Type::integer();
      case K::String: return b == Type::string();
      case K::Duration: return b == Type::duration();
      case K::Time: return b == Type::time();
      case K::Money: return b.kind() == Kind::Money && b.currency() == t->currency();
      case K::Enum:
        return b.kind() == Kind::Enum && b.param() < m_.enumOf.size() &&
               m_.enumOf[b.param()] == static_cast<int>(t->index());
      case K::Entity:
        return b.kind() == Kind::Entity && b.param() < m_.entity.size() &&
               m_.entity[b.param()] == static_cast<int>(t->index());
      default: return false;
    }
  }

  bool entities() {
    if (im_.entity_types.size() != s_.entities.size()) return fail("the bundle's entity types differ from the policy's");
    for (const EntityTypeImage& e : im_.entity_types) {
      int found = kUnmapped;
      for (uint32_t i = 0; i < s_.entities.size(); ++i)
        if (s_.entities[i].name == e.name) found = static_cast<int>(i);
      if (found == kUnmapped) return fail("entity type `" + e.name + "` is not in the policy");
      m_.entity.push_back(found);
    }
    auto same = [&](std::optional<uint32_t> b, std::optional<uint32_t> s) {
      return b.has_value() == s.has_value() && (!b || m_.entity[*b] == static_cast<int>(*s));
    };
    if (!same(im_.agent_type, s_.agentEntity) || !same(im_.user_type, s_.userEntity))
      return fail("the bundle's Agent/User entity types differ from the policy's");
    return true;
  }

  bool enums() {
    if (im_.enums.size() != s_.enums.size()) return fail("the bundle's enums differ from the policy's");
    for (const EnumImage& e : im_.enums) {
      int found = kUnmapped;
      for (uint32_t i = 0; i < s_.enums.size(); ++i)
        if (s_.enums[i].type->name() == e.name) found = static_cast<int>(i);
      if (found == kUnmapped) return fail("enum `" + e.name + "` is not in the policy");
      const sema::EnumInfo& info = s_.enums[found];
      if (info.values.size() != e.values.size()) return fail("enum `" + e.name + "` has other values");
      std::vector<int> values;
      for (const std::string& v : e.values) {
        int vi = info.valueIndex(v);
        if (vi < 0) return fail("enum `" + e.name + "` has no value `" + v + "` in the policy");
        values.push_back(vi);
      }
      m_.enumOf.push_back(found);
      m_.enumValue.push_back(std::move(values));
    }
    return true;
  }

  bool slots(const std::vector<SlotImage>& bundle, const std::vector<sema::Field>& fields, const std::string& what,
             std::vector<FieldPath>& out) {
    Leaves leaves;
    flatten(s_, fields, "", {}, false, leaves);
    if (leaves.size() != bundle.size()) return fail("the slots of " + what + " differ from the policy's");
    for (const SlotImage& slot : bundle) {
      auto it = leaves.find(slot.name);
      if (it == leaves.end()) return fail(what + ": slot `" + slot.name + "` is not in the policy");
      if (!sameType(slot.type, it->second.type) || slot.optional != it->second.optional)
        return fail(what + ": slot `" + slot.name + "` has another type or optionality than in the policy");
      out.push_back(it->second.path);
    }
    return true;
  }

  bool actionsAndSlots() {
    if (!slots(im_.context, s_.context().fields, "the context", m_.context)) return false;
    for (uint32_t t = 0; t < im_.entity_types.size(); ++t) {
      m_.attrs.emplace_back();
      if (!slots(im_.entity_types[t].attrs, s_.entities[m_.entity[t]].fields, "entity " + im_.entity_types[t].name,
                 m_.attrs.back()))
        return false;
    }
    if (im_.actions.size() != s_.actions.size()) return fail("the bundle's actions differ from the policy's");
    m_.bundleAction.assign(s_.actions.size(), kUnmapped);
    for (uint32_t a = 0; a < im_.actions.size(); ++a) {
      const ActionImage& act = im_.actions[a];
      auto it = s_.actionIndex.find(act.name);
      if (it == s_.actionIndex.end()) return fail("action `" + act.name + "` is not in the policy");
      const sema::ActionInfo& info = s_.actions[it->second];
      m_.action.push_back(static_cast<int>(it->second));
      m_.bundleAction[it->second] = static_cast<int>(a);
      if (act.tool != info.tool) return fail("action `" + act.name + "`: another MCP tool (`@tool`) than in the policy");
      if (act.params.size() != info.params.size()) return fail("action `" + act.name + "`: other parameters");
      std::vector<int> params;
      for (const SlotImage& p : act.params) {
        int found = kUnmapped;
        for (uint32_t i = 0; i < info.params.size(); ++i)
          if (info.params[i].name == p.name && sameType(p.type, info.params[i].type)) found = static_cast<int>(i);
        if (found == kUnmapped || p.optional) return fail("action `" + act.name + "`: parameter `" + p.name + "` differs");
        params.push_back(found);
      }
      m_.params.push_back(std::move(params));
      m_.args.emplace_back();
      if (!slots(act.args, info.args, "action " + act.name, m_.args.back())) return false;
    }
    return true;
  }

  bool agents() {
    if (im_.agents.size() != s_.agents.size()) return fail("the bundle's agents differ from the policy's");
    for (const AgentImage& g : im_.agents) {
      auto it = s_.agentIndex.find(g.name);
      if (it == s_.agentIndex.end()) return fail("agent `" + g.name + "` is not in the policy");
      m_.agent.push_back(static_cast<int>(it->second));
    }
    return true;
  }

  bool rules() {
    std::map<std::string, int> byId;
    for (uint32_t i = 0; i < p_.rules.size(); ++i) byId[p_.rules[i].id] = static_cast<int>(i);
    for (const RuleImage& r : im_.rules) {
      auto it = byId.find(r.id);
      m_.rule.push_back(it == byId.end() ? kUnmapped : it->second);
    }
    return true;
  }

  const BundleImage& im_;
  const sema::CheckedPolicy& p_;
  const sema::Schema& s_;
  SchemaMap& m_;
  std::string& error_;
};

}  // namespace

const sema::Type* SchemaMap::semaType(const sema::CheckedPolicy& p, Type t) const {
  sema::TypeContext& tc = *p.types;
  if (t.is_set()) return tc.set(semaType(p, t.element()));
  switch (t.kind()) {
    case Kind::Bool: return tc.boolean();
    case Kind::Int: return tc.integer();
    case Kind::String: return tc.string();
    case Kind::Duration: return tc.duration();
    case Kind::Time: return tc.time();
    case Kind::Money: return tc.money(t.currency());
    case Kind::Enum: return p.schema.enums.at(enumOf.at(t.param())).type;
    case Kind::Entity: return p.schema.entities.at(entity.at(t.param())).type;
    default: break;
  }
  return nullptr;
}

std::optional<SchemaMap> mapSchema(const BundleImage& image, const sema::CheckedPolicy& policy, std::string& error) {
  SchemaMap m;
  error.clear();
  if (!Matcher(image, policy, m, error).run()) return std::nullopt;
  return m;
}

}  // namespace agentpol::verify::bytecode
