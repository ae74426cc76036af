// link.cpp — loader stage 4: turns a checked image into run-time tables:
// constants as Vals, pattern segments, decoded and verified code blocks (one
// type check per (block, action) pair), the rule index, scope bitmap, name
// lookups and the schema hash. Entry: link_bundle().
#include "bundle/wire.h"
#include "loader/bundle_data.h"

#include <algorithm>
#include <set>

namespace agentpol {
namespace detail {
namespace {

Val string_val(const std::string& s) {
  return Val{static_cast<int64_t>(s.size()), s.data()};
}

void link_constants(BundleData* d) {
  size_t total = 0;
  for (const ConstImage& c : d->image.constants)
    if (c.type.is_set()) total += c.ints.size() + c.strings.size();
  d->const_items.reserve(total);  // no reallocation below: pointers stay valid
  for (const ConstImage& c : d->image.constants) {
    bool is_str = c.type.element().kind() == Kind::String;
    if (!c.type.is_set()) {
      d->consts.push_back(is_str ? string_val(c.strings[0]) : scalar_val(c.ints[0]));
      continue;
    }
    const Val* first = d->const_items.data() + d->const_items.size();
    for (const std::string& s : c.strings) d->const_items.push_back(string_val(s));
    for (int64_t v : c.ints) d->const_items.push_back(scalar_val(v));
    size_t n = is_str ? c.strings.size() : c.ints.size();
    d->consts.push_back(Val{static_cast<int64_t>(n), n ? first : nullptr});
  }
  for (const PatternImage& p : d->image.patterns) {
    d->patterns.push_back({static_cast<uint32_t>(d->segments.size()), static_cast<uint32_t>(p.segments.size())});
    for (const std::string& s : p.segments) d->segments.push_back(string_val(s));
  }
}

bool link_code(BundleData* d, std::string* error) {
  const BundleImage& im = d->image;
  d->code.resize(im.code.size());
  for (size_t i = 0; i < im.code.size(); ++i) {
    if (!decode_block(im, im.code[i], &d->code[i], error)) {
      *error = "code block " + std::to_string(i) + ": " + *error;
      return false;
    }
  }
  std::set<std::pair<uint32_t, uint32_t>> checked;  // (code, action)
  for (const RuleImage& r : im.rules) {
    for (const RuleBody& b : r.bodies) {
      if (!checked.insert({b.code, b.action}).second) continue;
      if (!verify_block(im, &d->code[b.code], b.action, error)) {
        *error = "rule `" + r.id + "`, action `" + im.actions[b.action].name + "`, code block " +
                 std::to_string(b.code) + ": " + *error;
        return false;
      }
    }
  }
  for (CodeBlock& c : d->code) fuse_block(&c);
  return true;
}

void flatten(std::vector<std::vector<RuleRef>>& buckets, std::vector<RuleRef>* refs, std::vector<Span>* spans) {
  spans->resize(buckets.size());
  for (size_t i = 0; i < buckets.size(); ++i) {
    (*spans)[i].begin = static_cast<uint32_t>(refs->size());
    refs->insert(refs->end(), buckets[i].begin(), buckets[i].end());
    (*spans)[i].end = static_cast<uint32_t>(refs->size());
  }
}

void link_index(BundleData* d) {
  const BundleImage& im = d->image;
  size_t na = im.actions.size(), ng = im.agents.size();
  std::vector<std::vector<RuleRef>> user(na * 3), wild(na * 3), named(na * ng * 3);
  for (uint32_t ri = 0; ri < im.rules.size(); ++ri) {
    const RuleImage& r = im.rules[ri];
    unsigned e = static_cast<unsigned>(r.effect);
    for (const RuleBody& b : r.bodies) {
      RuleRef ref{ri, b.code, nullptr};
      if (r.side == Side::User) user[b.action * 3 + e].push_back(ref);
      else if (r.all_agents) wild[b.action * 3 + e].push_back(ref);
      else for (uint32_t g : r.agents) named[(b.action * ng + g) * 3 + e].push_back(ref);
    }
  }
  flatten(user, &d->refs, &d->user_index);
  flatten(wild, &d->refs, &d->wild_index);
  flatten(named, &d->refs, &d->named_index);
  for (RuleRef& ref : d->refs) ref.insns = d->code[ref.code].insns.data();
  d->may.assign(na * ng, 1);
  for (size_t g = 0; g < ng; ++g) {
    const AgentImage& a = im.agents[g];
    if (!a.has_scope) continue;
    std::fill(d->may.begin() + static_cast<long>(g * na), d->may.begin() + static_cast<long>((g + 1) * na), 0);
    for (uint32_t m : a.may) d->may[g * na + m] = 1;
  }
}

BundleData::Slots required(const std::vector<SlotImage>& slots) {
  BundleData::Slots out;
  for (uint32_t i = 0; i < slots.size(); ++i)
    if (!slots[i].optional) out.push_back(i);
  return out;
}

void link_required(BundleData* d) {
  const BundleImage& im = d->image;
  d->req_ctx = required(im.context);
  for (const ActionImage& a : im.actions) {
    d->req_params.push_back(required(a.params));
    d->req_args.push_back(required(a.args));
  }
  for (const EntityTypeImage& t : im.entity_types) d->req_attrs.push_back(required(t.attrs));
}

template <class T>
BundleData::Names names_of(const std::vector<T>& v) {
  BundleData::Names out;
  for (size_t i = 0; i < v.size(); ++i) out.emplace_back(v[i].name, static_cast<uint32_t>(i));
  std::sort(out.begin(), out.end());
  return out;
}

void hash_slots(std::string* s, const std::vector<SlotImage>& v) {
  *s += std::to_string(v.size()) + "{";
  for (const SlotImage& x : v) *s += x.name + ":" + std::to_string(x.type.code) + (x.optional ? "?" : "") + ",";
  *s += "}";
}

uint64_t schema_hash(const BundleImage& im) {
  std::string s;
  for (const EnumImage& e : im.enums) {
    s += "enum " + e.name + "{";
    for (const std::string& v : e.values) s += v + ",";
    s += "}";
  }
  for (const EntityTypeImage& t : im.entity_types) { s += "entity " + t.name; hash_slots(&s, t.attrs); }
  s += "agent " + std::to_string(im.agent_type ? *im.agent_type : 0xffffffffu);
  s += "user " + std::to_string(im.user_type ? *im.user_type : 0xffffffffu);
  s += "context";
  hash_slots(&s, im.context);
  for (const ActionImage& a : im.actions) {
    s += "action " + a.name + " tool " + a.tool_name();
    hash_slots(&s, a.params);
    hash_slots(&s, a.args);
  }
  return fnv1a64(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

}  // namespace

bool link_bundle(BundleData* d, std::string* error) {
  link_constants(d);
  if (!link_code(d, error)) return false;
  link_index(d);
  link_required(d);
  d->action_names = names_of(d->image.actions);
  for (size_t i = 0; i < d->image.actions.size(); ++i)
    d->tool_names.emplace_back(d->image.actions[i].tool_name(), static_cast<uint32_t>(i));
  std::sort(d->tool_names.begin(), d->tool_names.end());
  d->agent_names = names_of(d->image.agents);
  d->agent_map.reserve(d->agent_names.size());
  for (const auto& [name, index] : d->agent_names) d->agent_map.emplace(name, index);
  d->type_names = names_of(d->image.entity_types);
  d->schema_hash = schema_hash(d->image);
  return true;
}

}  // namespace detail
}  // namespace agentpol
