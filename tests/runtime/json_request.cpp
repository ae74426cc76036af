// json_request.cpp — JSON -> Request for the conformance tests: entities
// {"id","attrs"}, Money "32.00 EUR", Duration "15m", Time RFC 3339, enums by
// name, sets as arrays, context records flattened to dotted slot paths.
#include "json_request.h"

#include <agentpol/civil_time.h>

#include <cstdio>
#include <deque>

namespace agentpol::test {

using nlohmann::json;

namespace {

struct Filler {
  Request& req;
  const Bundle& b;
  std::deque<std::vector<Value>> sets;  // keeps set items alive during a call
  std::deque<std::string> texts;        // and currency codes

  EntityRef entity(uint32_t type, const json& j);
  bool value(Type t, const json& j, Value* out);
  void attrs(EntityRef e, uint32_t type, const json& j);
  void context(const std::string& prefix, const json& j);
};

bool parse_money(const std::string& s, int64_t* minor, std::string* cur) {
  size_t sp = s.find(' ');
  if (sp == std::string::npos) return false;
  *cur = s.substr(sp + 1);
  std::string num = s.substr(0, sp);
  bool neg = !num.empty() && num[0] == '-';
  if (neg) num.erase(0, 1);
  size_t dot = num.find('.');
  std::string whole = num.substr(0, dot), frac = dot == std::string::npos ? "" : num.substr(dot + 1);
  if (whole.empty() || frac.size() > 2 || whole.find_first_not_of("0123456789") != std::string::npos ||
      frac.find_first_not_of("0123456789") != std::string::npos) return false;
  while (frac.size() < 2) frac += '0';
  *minor = std::stoll(whole) * 100 + std::stoll(frac);
  if (neg) *minor = -*minor;
  return true;
}

bool parse_duration(const std::string& s, int64_t* out) {
  if (s.size() < 2) return false;
  static const std::string kUnits = "smhd";
  static const int64_t kSize[] = {1, 60, 3600, 86400};
  size_t u = kUnits.find(s.back());
  std::string n = s.substr(0, s.size() - 1);
  if (u == std::string::npos || n.find_first_not_of("0123456789") != std::string::npos) return false;
  *out = std::stoll(n) * kSize[u];
  return true;
}

EntityRef Filler::entity(uint32_t type, const json& j) {
  if (!j.is_object() || !j.contains("id") || !j["id"].is_string()) return req.fail("entity without an id"), EntityRef{};
  EntityRef e = req.entity(EntityTypeHandle{type}, j["id"].get<std::string>());
  if (j.contains("attrs")) attrs(e, type, j["attrs"]);
  return e;
}

void Filler::attrs(EntityRef e, uint32_t type, const json& j) {
  if (!j.is_object()) return req.fail("attrs must be an object");
  req.begin_attrs(e);
  for (auto it = j.begin(); it != j.end(); ++it) {
    FieldHandle f = b.attribute(EntityTypeHandle{type}, it.key());
    if (!f.valid()) { req.set_attr(e, it.key(), Value::null()); continue; }  // records the error
    Value v;
    if (value(f.type, it.value(), &v)) req.set_attr(e, f, v);
  }
  req.end_attrs(e);
}

bool Filler::value(Type t, const json& j, Value* out) {
  if (j.is_null()) { *out = Value::null(); return true; }
  if (t.is_set()) {
    if (!j.is_array()) return req.fail("expected an array"), false;
    sets.emplace_back();
    std::vector<Value>& items = sets.back();
    for (const json& x : j) {
      Value v;
      if (!value(t.element(), x, &v)) return false;
      items.push_back(v);
    }
    *out = Value::set(items.data(), items.size());
    return true;
  }
  std::string s = j.is_string() ? j.get_ref<const std::string&>() : "";
  int64_t n = 0;
  std::string cur;
  switch (t.kind()) {
    case Kind::Bool: if (!j.is_boolean()) break; *out = Value::boolean(j.get<bool>()); return true;
    case Kind::Int: if (!j.is_number_integer()) break; *out = Value::integer(j.get<int64_t>()); return true;
    case Kind::String: if (!j.is_string()) break; *out = Value::string(j.get_ref<const std::string&>()); return true;
    case Kind::Enum: if (!j.is_string()) break; *out = Value::enumeration(j.get_ref<const std::string&>()); return true;
    case Kind::Money:
      if (!parse_money(s, &n, &cur)) break;
      texts.push_back(cur);
      *out = Value::money(n, texts.back());
      return true;
    case Kind::Duration: if (!parse_duration(s, &n)) break; *out = Value::duration(n); return true;
    case Kind::Time: if (!parse_time(s, &n)) break; *out = Value::time(n); return true;
    case Kind::Entity: {
      EntityRef e = entity(t.param(), j);
      *out = Value::entity(e);
      return e.valid();
    }
    default: break;
  }
  req.fail("malformed value " + j.dump() + " for " + type_name(t, b.image()));
  return false;
}

void Filler::context(const std::string& prefix, const json& j) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    std::string path = prefix + it.key();
    FieldHandle f = b.context_field(path);
    if (f.valid()) {
      Value v;
      if (value(f.type, it.value(), &v)) req.set_context(f, v);
    } else if (it.value().is_object()) {
      context(path + ".", it.value());
    } else {
      req.set_context(path, Value::null());  // records "unknown context field"
    }
  }
}

}  // namespace

// Test-only shapes (a date, or `YYYY-MM-DDTHH:MM:SSZ`); the calendar is the
// runtime's civil_time.h. The full request format is request/'s (the reader).
bool parse_time(const std::string& s, int64_t* out) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  char tail = 0;
  if (s.size() == 10 && std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &mo, &d) == 3) {
  } else if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &sec, &tail) == 7 && tail == 'Z') {
  } else {
    return false;
  }
  if (mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) return false;
  CivilTime t{y, static_cast<unsigned>(mo), static_cast<unsigned>(d), static_cast<unsigned>(h),
              static_cast<unsigned>(mi), static_cast<unsigned>(sec)};
  if (check_civil(t) != CivilField::None) return false;
  *out = epoch_from_civil(t);
  return true;
}

void fill_request(Request& req, const json& j) {
  const Bundle& b = *req.schema();
  Filler f{req, b, {}, {}};
  const BundleImage& im = b.image();
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& k = it.key();
    if (k != "now" && k != "agent" && k != "user" && k != "action" && k != "args" && k != "context" && k != "entities")
      req.fail("unknown field `" + k + "`");
  }
  int64_t now;
  if (j.contains("now") && j["now"].is_string() && parse_time(j["now"].get<std::string>(), &now)) req.set_now(now);
  if (j.contains("agent")) {
    EntityRef a = req.set_agent(j["agent"].value("id", ""));
    if (j["agent"].contains("attrs") && im.agent_type) f.attrs(a, *im.agent_type, j["agent"]["attrs"]);
  }
  if (j.contains("user") && !j["user"].is_null()) {
    EntityRef u = req.set_user(j["user"].value("id", ""));
    if (j["user"].contains("attrs") && u.valid()) f.attrs(u, *im.user_type, j["user"]["attrs"]);
  }
  if (j.contains("entities"))
    for (const json& e : j["entities"]) f.entity(b.entity_type(e.value("type", "")).index, e);
  if (j.contains("action")) req.set_action(j["action"].get<std::string>());
  if (j.contains("args") && req.ok()) {
    ActionHandle a = b.action(j["action"].get<std::string>());
    for (auto it = j["args"].begin(); it != j["args"].end(); ++it) {
      FieldHandle fh = b.action_field(a, it.key());
      if (!fh.valid()) { req.set_arg(it.key(), Value::null()); continue; }
      Value v;
      if (f.value(fh.type, it.value(), &v)) req.set_arg(fh, v);
    }
  }
  if (j.contains("context")) f.context("", j["context"]);
}

}  // namespace agentpol::test
