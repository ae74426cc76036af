// reader_values.h — private to request/ (included by reader_core.h): the
// Reader's objects of fields (context, args, attrs and the records inside
// them), typed values (spec section 8) and entities, with one message per
// schema problem.
#pragma once

#include <algorithm>

#include "request/reader_core.h"
#include "request/value_text.h"

namespace agentpol::request::detail {

template <class View>
bool Reader<View>::fail(const Path* p, const std::string& message) {
  req_.fail(p ? renderPath(p) + ": " + message : message);
  return false;
}

template <class View>
bool Reader<View>::wrongType(Type t, Node n, const Path* p) {
  return fail(p, "expected " + describeType(t, schema_.image()) + ", got " + describe(n));
}

template <class View>
std::string Reader<View>::describe(Node n) const {
  switch (v_.kind(n)) {
    case JsonKind::Null: return "null";
    case JsonKind::Bool: return v_.boolean(n) ? "true" : "false";
    case JsonKind::Int: return std::to_string(v_.integer(n));
    case JsonKind::Uint: return std::to_string(v_.uinteger(n));
    case JsonKind::Float: return std::string(v_.string(n));
    case JsonKind::Array: return "an array";
    case JsonKind::Object: return "an object";
    case JsonKind::String: break;
  }
  return describeString(v_.string(n));
}

// Which fields of one object were given: bits for up to 64 fields, else a
// slice of the reader's stack.
class SeenFields {
 public:
  SeenFields(size_t n, std::vector<uint8_t>& stack) : stack_(stack), base_(stack.size()), big_(n > 64) {
    if (big_) stack_.resize(base_ + n, 0);
  }
  ~SeenFields() {
    if (big_) stack_.resize(base_);
  }
  bool has(size_t i) const { return big_ ? stack_[base_ + i] != 0 : (bits_ >> i) & 1; }
  void set(size_t i) {
    if (big_) stack_[base_ + i] = 1;
    else bits_ |= uint64_t(1) << i;
  }

 private:
  std::vector<uint8_t>& stack_;
  size_t base_;
  bool big_;
  uint64_t bits_ = 0;
};

template <class View>
bool Reader<View>::fields(const std::vector<FieldNode>& set, Node obj, const Path* p, const Target& target) {
  if (!absent(obj) && v_.kind(obj) != JsonKind::Object) return fail(p, "expected an object, got " + describe(obj));
  SeenFields seen(set.size(), seen_);
  if (!absent(obj)) {
    bool ok = v_.members(obj, [&](std::string_view key, Node c) {
      Path kp{p, key};
      auto f = std::find_if(set.begin(), set.end(), [&](const FieldNode& x) { return sameName(x.name, key); });
      if (f == set.end()) return fail(&kp, "unknown " + std::string(target.what));
      size_t i = static_cast<size_t>(f - set.begin());
      if (seen.has(i)) return fail(&kp, "given twice");
      seen.set(i);
      return field(*f, c, &kp, target);
    });
    if (!ok) return false;
  }
  for (size_t i = 0; i < set.size(); ++i) {
    if (seen.has(i) || !set[i].required) continue;
    Path mp{p, set[i].name};
    return fail(&mp, "missing (a required " + std::string(target.what) + ")");
  }
  return true;
}

template <class View>
bool Reader<View>::field(const FieldNode& f, Node n, const Path* p, const Target& target) {
  bool null = v_.kind(n) == JsonKind::Null;
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

template <class View>
bool Reader<View>::setSlot(const FieldHandle& h, const Value& v, const Target& target) {
  switch (target.kind) {
    case Target::Kind::Context: req_.set_context(h, v); break;
    case Target::Kind::Action: req_.set_arg(h, v); break;
    case Target::Kind::Attrs: req_.set_attr(target.entity, h, v); break;
  }
  return req_.ok();
}

template <class View>
bool Reader<View>::value(Type t, Node n, const Path* p, Value* out) {
  if (!t.is_set()) return scalar(t, n, p, out);
  if (v_.kind(n) != JsonKind::Array) return wrongType(t, n, p);
  size_t base = items_.size(), i = 0;
  bool ok = v_.elements(n, [&](Node c) {
    Path ep{p, {}, i++};
    Value v;
    if (!scalar(t.element(), c, &ep, &v)) return false;
    items_.push_back(v);
    return true;
  });
  if (!ok) return false;
  *out = Value::set(items_.data() + base, items_.size() - base);
  return true;
}

template <class View>
bool Reader<View>::scalar(Type t, Node n, const Path* p, Value* out) {
  JsonKind k = v_.kind(n);
  switch (t.kind()) {
    case Kind::Bool:
      if (k != JsonKind::Bool) return wrongType(t, n, p);
      *out = Value::boolean(v_.boolean(n));
      return true;
    case Kind::Int: return integer(n, p, out);
    case Kind::String:
      if (k != JsonKind::String) return wrongType(t, n, p);
      *out = Value::string(v_.string(n));
      return true;
    case Kind::Enum: {
      if (k != JsonKind::String) return wrongType(t, n, p);
      if (bundle_.enum_value(t.param(), v_.string(n)) == kNone)
        return fail(p, unknownEnumValue(schema_.image().enums[t.param()], describe(n)));
      *out = Value::enumeration(v_.string(n));
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

template <class View>
bool Reader<View>::integer(Node n, const Path* p, Value* out) {
  JsonKind k = v_.kind(n);
  if (k == JsonKind::Int) {
    *out = Value::integer(v_.integer(n));
    return true;
  }
  if (k == JsonKind::Uint) return fail(p, describe(n) + " is out of the Int range (64-bit signed)");
  if (k != JsonKind::Float) return wrongType(Type::integer(), n, p);
  std::string_view raw = v_.string(n);
  if (raw.find_first_of(".eE") == std::string_view::npos)
    return fail(p, describe(n) + " is out of the Int range (64-bit signed)");
  return fail(p, "expected Int (a JSON integer), got the float " + describe(n));
}

template <class View>
bool Reader<View>::text(Type t, Node n, const Path* p, Value* out) {
  if (v_.kind(n) != JsonKind::String) return wrongType(t, n, p);
  std::string_view s = v_.string(n);
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

template <class View>
bool Reader<View>::entity(uint32_t type, Node n, const Path* p, EntityRef* out) {
  const std::string& typeName = schema_.image().entity_types[type].name;
  if (v_.kind(n) != JsonKind::Object)
    return fail(p, "expected an entity of type " + typeName + " ({\"id\": …, \"attrs\": {…}}), got " + describe(n));
  Node idNode = View::kAbsent, a = View::kAbsent, typeNode = View::kAbsent;  // the first of each
  bool ok = v_.members(n, [&](std::string_view k, Node c) {
    Path kp{p, k};
    if (k != "id" && k != "attrs" && k != "type") return fail(&kp, "unknown field of an entity (expected id, attrs)");
    Node& seen = k == "id" ? idNode : k == "attrs" ? a : typeNode;
    if (!absent(seen)) return fail(&kp, "given twice");
    seen = c;
    if (k == "type" && (v_.kind(c) != JsonKind::String || v_.string(c) != typeName))
      return fail(&kp, "expected " + typeName + " here, got " + describe(c));
    return true;
  });
  std::string_view id;
  if (!ok || !entityId(idNode, p, &id) || !newEntity(type, id, p, out)) return false;
  Path ap{p, "attrs"};
  return absentOrNull(a) || attrs(*out, type, a, &ap);
}

template <class View>
bool Reader<View>::newEntity(uint32_t type, std::string_view id, const Path* p, EntityRef* out) {
  *out = req_.entity(EntityTypeHandle{type}, id);
  if (!out->valid()) return false;
  if (static_cast<size_t>(out->index) >= kMaxEntities)
    return fail(p, "more than " + std::to_string(kMaxEntities) + " entities in one request");
  return true;
}

template <class View>
bool Reader<View>::attrs(EntityRef e, uint32_t type, Node n, const Path* p) {
  const FieldSet& set = schema_.entityType(type);
  if (v_.kind(n) != JsonKind::Object) return fail(p, "expected an object of attributes, got " + describe(n));
  req_.begin_attrs(e);
  if (!fields(set.fields, n, p, {Target::Kind::Attrs, e, set.what})) return false;
  req_.end_attrs(e);
  return req_.ok() || conflict(p->up);
}

// The runtime found this entity given twice with different values; its
// message names the entity and attribute, this adds where in the request.
template <class View>
bool Reader<View>::conflict(const Path* entityPath) {
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
