// request_values.cpp — converting caller Values into slot Vals for a Request:
// type checks against the schema (with a bad_request message on mismatch),
// string and set copies into the request arena.
#include "api/request_values.h"

#include <cstring>

namespace agentpol {
namespace detail {

namespace {

const char* tag_name(Value::Tag t) {
  static const char* const kNames[] = {"null", "Bool", "Int", "String", "Money",
                                       "Duration", "Time", "enum value", "entity", "Set"};
  return kNames[static_cast<unsigned>(t)];
}

Value::Tag tag_of(Kind k) {
  switch (k) {
    case Kind::Bool: return Value::Tag::Bool;
    case Kind::Int: return Value::Tag::Int;
    case Kind::String: return Value::Tag::String;
    case Kind::Money: return Value::Tag::Money;
    case Kind::Duration: return Value::Tag::Duration;
    case Kind::Time: return Value::Tag::Time;
    case Kind::Enum: return Value::Tag::Enum;
    default: return Value::Tag::Entity;
  }
}

}  // namespace

std::string_view as_view(const Val& v) {
  return std::string_view(static_cast<const char*>(v.p), static_cast<size_t>(v.n));
}

Val copy_string(RequestData& d, std::string_view s) {
  if (s.empty()) return Val{0, ""};
  void* p = d.arena.alloc(s.size());
  std::memcpy(p, s.data(), s.size());
  return Val{static_cast<int64_t>(s.size()), p};
}

bool convert_scalar(RequestData& d, Type want, const Value& v, Val* out, std::string* why) {
  const BundleImage& im = d.sd->image;
  if (v.tag != tag_of(want.kind())) {
    *why = std::string("expected ") + type_name(want, im) + ", got " + tag_name(v.tag);
    return false;
  }
  switch (want.kind()) {
    case Kind::String: *out = copy_string(d, v.s); return true;
    case Kind::Money:
      if (v.s != want.currency()) {
        *why = "Money in " + std::string(v.s) + " where " + type_name(want, im) + " is expected";
        return false;
      }
      *out = scalar_val(v.n);
      return true;
    case Kind::Enum: {
      uint32_t i = d.schema->enum_value(want.param(), v.s);
      if (i == kNone) { *why = "unknown " + type_name(want, im) + " value `" + std::string(v.s) + "`"; return false; }
      *out = scalar_val(i);
      return true;
    }
    case Kind::Entity:
      if (v.n < 0 || static_cast<size_t>(v.n) >= d.ents.size() || d.ents[static_cast<size_t>(v.n)].type != want.param()) {
        *why = "expected an entity of type " + type_name(want, im);
        return false;
      }
      *out = scalar_val(v.n);
      return true;
    default:
      *out = scalar_val(v.tag == Value::Tag::Bool ? (v.n != 0) : v.n);
      return true;
  }
}

bool convert_value(RequestData& d, Type want, const Value& v, Val* out, std::string* why) {
  if (!want.is_set()) return convert_scalar(d, want, v, out, why);
  if (v.tag != Value::Tag::Set) {
    *why = "expected " + type_name(want, d.sd->image) + ", got " + tag_name(v.tag);
    return false;
  }
  if (v.count > 0 && v.items == nullptr) { *why = "set without items"; return false; }
  Val* items = static_cast<Val*>(d.arena.alloc(sizeof(Val) * (v.count ? v.count : 1)));
  for (size_t i = 0; i < v.count; ++i)
    if (!convert_scalar(d, want.element(), v.items[i], &items[i], why)) return false;
  *out = Val{canonical_set(items, static_cast<int64_t>(v.count)), items};  // see vm/value.h
  return true;
}

bool same_value(Type t, const Val& a, const Val& b) {
  return t.is_set() ? set_eq(a, b) : val_eq(a, b);
}

}  // namespace detail
}  // namespace agentpol
