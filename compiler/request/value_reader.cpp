// value_reader.cpp — the Reader's objects of fields (context, args, attrs and
// the records inside them), typed values (spec section 8) and entities, with
// one message per schema problem; also the JSON path renderer.
#include <algorithm>

#include <agentpol/audit.h>  // append_json_string

#include "request/reader_impl.h"
#include "request/value_text.h"

namespace agentpol::request::detail {

std::string renderPath(const Path* p) {
  std::vector<const Path*> steps;
  for (; p; p = p->up) steps.push_back(p);
  std::string out;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    if ((*it)->index != kMember) {
      out += "[" + std::to_string((*it)->index) + "]";
      continue;
    }
    if (!out.empty()) out += '.';
    out += (*it)->key;
  }
  return out;
}

bool Reader::fail(const Path* p, const std::string& message) {
  req_.fail(p ? renderPath(p) + ": " + message : message);
  return false;
}

bool Reader::wrongType(Type t, uint32_t n, const Path* p) {
  return fail(p, "expected " + describeType(t, schema_.image()) + ", got " + describe(n));
}

std::string Reader::describe(uint32_t i) const {
  const JsonNode& n = tree_.node(i);
  switch (n.kind) {
    case JsonKind::Null: return "null";
    case JsonKind::Bool: return n.boolean ? "true" : "false";
    case JsonKind::Int: return std::to_string(n.i);
    case JsonKind::Uint: return std::to_string(n.u);
    case JsonKind::Float: return std::string(tree_.str(n));
    case JsonKind::Array: return "an array";
    case JsonKind::Object: return "an object";
    case JsonKind::String: break;
  }
  std::string_view s = tree_.str(n);
  size_t cut = s.size() > 60 ? 60 : s.size();
  while (cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // a UTF-8 boundary
  std::string out;
  append_json_string(s.substr(0, cut), &out);
  if (cut < s.size()) out.insert(out.size() - 1, "…");
  return out;
}

bool Reader::fields(const std::vector<FieldNode>& set, uint32_t obj, const Path* p, const Target& target) {
  if (obj != kNoNode && tree_.node(obj).kind != JsonKind::Object)
    return fail(p, "expected an object, got " + describe(obj));
  size_t base = seen_.size();
  seen_.resize(base + set.size(), 0);
  if (obj != kNoNode) {
    for (uint32_t c = obj + 1; c < tree_.node(obj).end; c = tree_.node(c).end) {
      Path kp{p, tree_.key(tree_.node(c))};
      auto f = std::find_if(set.begin(), set.end(), [&](const FieldNode& x) { return x.name == kp.key; });
      if (f == set.end()) return fail(&kp, "unknown " + std::string(target.what));
      uint8_t& seen = seen_[base + static_cast<size_t>(f - set.begin())];
      if (seen) return fail(&kp, "given twice");
      seen = 1;
      if (!field(*f, c, &kp, target)) return false;
    }
  }
  for (size_t i = 0; i < set.size(); ++i) {
    if (seen_[base + i] || !set[i].required) continue;
    Path mp{p, set[i].name};
    return fail(&mp, "missing (a required " + std::string(target.what) + ")");
  }
  seen_.resize(base);
  return true;
}

bool Reader::field(const FieldNode& f, uint32_t n, const Path* p, const Target& target) {
  bool null = tree_.node(n).kind == JsonKind::Null;
  if (null && f.required) return fail(p, "is required and cannot be null");
  if (f.isRecord()) return null || fields(f.children, n, p, target);
  if (null) return setSlot(f.handle, Value::null(), target);  // an optional slot left absent
  size_t base = items_.size();
  Value v;
  if (!value(f.handle.type, n, p, &v)) return false;
  bool ok = setSlot(f.handle, v, target);
  items_.resize(base);
  return ok;
}

bool Reader::setSlot(const FieldHandle& h, const Value& v, const Target& target) {
  switch (target.kind) {
    case Target::Kind::Context: req_.set_context(h, v); break;
    case Target::Kind::Action: req_.set_arg(h, v); break;
    case Target::Kind::Attrs: req_.set_attr(target.entity, h, v); break;
  }
  return req_.ok();
}

bool Reader::value(Type t, uint32_t n, const Path* p, Value* out) {
  if (!t.is_set()) return scalar(t, n, p, out);
  if (tree_.node(n).kind != JsonKind::Array) return wrongType(t, n, p);
  size_t base = items_.size(), i = 0;
  for (uint32_t c = n + 1; c < tree_.node(n).end; c = tree_.node(c).end, ++i) {
    Path ep{p, {}, i};
    Value v;
    if (!scalar(t.element(), c, &ep, &v)) return false;
    items_.push_back(v);
  }
  *out = Value::set(items_.data() + base, items_.size() - base);
  return true;
}

bool Reader::scalar(Type t, uint32_t n, const Path* p, Value* out) {
  const JsonNode& j = tree_.node(n);
  switch (t.kind()) {
    case Kind::Bool:
      if (j.kind != JsonKind::Bool) return wrongType(t, n, p);
      *out = Value::boolean(j.boolean);
      return true;
    case Kind::Int: return integer(n, p, out);
    case Kind::String:
      if (j.kind != JsonKind::String) return wrongType(t, n, p);
      *out = Value::string(tree_.str(j));
      return true;
    case Kind::Enum: {
      if (j.kind != JsonKind::String) return wrongType(t, n, p);
      if (bundle_.enum_value(t.param(), tree_.str(j)) == kNone) {
        const EnumImage& e = schema_.image().enums[t.param()];
        std::string names;
        for (const std::string& v : e.values) names += (names.empty() ? "" : ", ") + v;
        return fail(p, "unknown " + e.name + " value " + describe(n) + " (expected one of " + names + ")");
      }
      *out = Value::enumeration(tree_.str(j));
      return true;
    }
    case Kind::Money:
    case Kind::Duration:
    case Kind::Time: return text(t, n, p, out);
    case Kind::Entity: {
      EntityRef e;
      if (!entity(t.param(), n, p, &e)) return false;
      *out = Value::entity(e);
      return true;
    }
    case Kind::Record: break;
  }
  return fail(p, "a value of type " + describeType(t, schema_.image()) + " cannot be given here");
}

bool Reader::integer(uint32_t n, const Path* p, Value* out) {
  const JsonNode& j = tree_.node(n);
  if (j.kind == JsonKind::Int) {
    *out = Value::integer(j.i);
    return true;
  }
  if (j.kind == JsonKind::Uint) return fail(p, describe(n) + " is out of the Int range (64-bit signed)");
  if (j.kind != JsonKind::Float) return wrongType(Type::integer(), n, p);
  std::string_view raw = tree_.str(j);
  if (raw.find_first_of(".eE") == std::string_view::npos)
    return fail(p, describe(n) + " is out of the Int range (64-bit signed)");
  return fail(p, "expected Int (a JSON integer), got the float " + describe(n));
}

bool Reader::text(Type t, uint32_t n, const Path* p, Value* out) {
  const JsonNode& j = tree_.node(n);
  if (j.kind != JsonKind::String) return wrongType(t, n, p);
  std::string_view s = tree_.str(j);
  std::string why;
  int64_t v = 0;
  switch (t.kind()) {
    case Kind::Money: {
      std::string_view cur;
      if (!parseMoney(s, &v, &cur, &why)) break;
      if (cur != t.currency()) return wrongType(t, n, p);
      *out = Value::money(v, cur);
      return true;
    }
    case Kind::Duration:
      if (!parseDuration(s, &v, &why)) break;
      *out = Value::duration(v);
      return true;
    default:
      if (!parseTime(s, &v, &why)) break;
      *out = Value::time(v);
      return true;
  }
  return fail(p, "invalid " + describeType(t, schema_.image()) + " " + describe(n) + ": " + why);
}

bool Reader::entity(uint32_t type, uint32_t n, const Path* p, EntityRef* out) {
  const std::string& typeName = schema_.image().entity_types[type].name;
  if (tree_.node(n).kind != JsonKind::Object)
    return fail(p, "expected an entity of type " + typeName + " ({\"id\": …, \"attrs\": {…}}), got " + describe(n));
  for (uint32_t c = n + 1; c < tree_.node(n).end; c = tree_.node(c).end) {
    std::string_view k = tree_.key(tree_.node(c));
    Path kp{p, k};
    if (k != "id" && k != "attrs" && k != "type") return fail(&kp, "unknown field of an entity (expected id, attrs)");
    if (tree_.find(n, k) != c) return fail(&kp, "given twice");
    if (k == "type" && (tree_.node(c).kind != JsonKind::String || tree_.str(tree_.node(c)) != typeName))
      return fail(&kp, "expected " + typeName + " here, got " + describe(c));
  }
  std::string_view id;
  if (!entityId(n, p, &id) || !newEntity(type, id, p, out)) return false;
  uint32_t a = tree_.find(n, "attrs");
  Path ap{p, "attrs"};
  return a == kNoNode || tree_.node(a).kind == JsonKind::Null || attrs(*out, type, a, &ap);
}

bool Reader::newEntity(uint32_t type, std::string_view id, const Path* p, EntityRef* out) {
  *out = req_.entity(EntityTypeHandle{type}, id);
  if (!out->valid()) return false;
  if (static_cast<size_t>(out->index) >= kMaxEntities)
    return fail(p, "more than " + std::to_string(kMaxEntities) + " entities in one request");
  return true;
}

bool Reader::attrs(EntityRef e, uint32_t type, uint32_t n, const Path* p) {
  const FieldSet& set = schema_.entityType(type);
  if (tree_.node(n).kind != JsonKind::Object) return fail(p, "expected an object of attributes, got " + describe(n));
  req_.begin_attrs(e);
  if (!fields(set.fields, n, p, {Target::Kind::Attrs, e, set.what})) return false;
  req_.end_attrs(e);
  return req_.ok() || conflict(p->up);
}

// The runtime found this entity given twice with different values; its
// message names the entity and attribute, this adds where in the request.
bool Reader::conflict(const Path* entityPath) {
  std::string message = (entityPath ? renderPath(entityPath) + ": " : "") + req_.error();
  req_.reset();
  req_.fail(std::move(message));
  if (hasNow_) req_.set_now(now_);
  if (!agent_.empty()) req_.set_agent(agent_);
  if (hasUser_) req_.set_user(user_);
  if (action_ != kNone) req_.set_action(ActionHandle{action_});
  return false;
}

}  // namespace agentpol::request::detail
