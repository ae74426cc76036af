// call_request.cpp — argument conversion walks the call's arguments beside
// the action's slots (records are flattened there as "rec.field"), and the
// request text is assembled around the pre-serialized context and entities.
#include "core/call_request.h"

#include <agentpol/audit.h>

#include <cmath>

namespace agentpol::gateway {
namespace {

const SlotImage* find_slot(const ActionImage& action, const std::string& name) {
  for (const SlotImage& s : action.params)
    if (s.name == name) return &s;
  for (const SlotImage& s : action.args)
    if (s.name == name) return &s;
  return nullptr;
}

bool is_record_prefix(const ActionImage& action, const std::string& prefix) {
  for (const SlotImage& s : action.args)
    if (s.name.size() > prefix.size() && s.name.compare(0, prefix.size(), prefix) == 0) return true;
  return false;
}

json integral(const json& v) {
  if (!v.is_number_float()) return v;
  double d = v.get<double>();
  // 2^63 is exactly representable; every integral double below it fits.
  if (std::isfinite(d) && std::trunc(d) == d && d >= -9223372036854775808.0 && d < 9223372036854775808.0)
    return json(static_cast<int64_t>(d));
  return v;
}

json convert_scalar(const json& v, Type t) {
  switch (t.kind()) {
    case Kind::Entity: return json{{"id", v}};
    case Kind::String: return v.is_string() ? v : json(canonical(v));
    case Kind::Int: return integral(v);
    default: return v;
  }
}

json convert_value(const json& v, Type t) {
  if (v.is_null()) return v;
  if (!t.is_set()) return convert_scalar(v, t);
  if (!v.is_array()) return v;
  json out = json::array();
  for (const json& e : v) out.push_back(e.is_null() ? e : convert_scalar(e, t.element()));
  return out;
}

json convert_object(const ActionImage& action, const json& object, const std::string& prefix) {
  json out = json::object();
  for (auto it = object.begin(); it != object.end(); ++it) {
    std::string name = prefix + it.key();
    if (const SlotImage* slot = find_slot(action, name)) {
      out[it.key()] = convert_value(it.value(), slot->type);
    } else if (it.value().is_object() && is_record_prefix(action, name + ".")) {
      out[it.key()] = convert_object(action, it.value(), name + ".");
    } else {
      out[it.key()] = it.value();
    }
  }
  return out;
}

json placeholder(const BundleImage& image, Type t) {
  if (t.is_set()) return json::array();
  switch (t.kind()) {
    case Kind::Bool: return false;
    case Kind::Int: return 0;
    case Kind::String: return "";
    case Kind::Money: return "0 " + t.currency();
    case Kind::Duration: return "0s";
    case Kind::Time: return "1970-01-01";
    case Kind::Enum: return image.enums[t.param()].values.at(0);
    case Kind::Entity: return json{{"id", "agentpol-mcp-trial"}};
    default: return nullptr;
  }
}

}  // namespace

json convert_arguments(const ActionImage& action, const json& arguments) {
  if (!arguments.is_object()) return arguments;
  return convert_object(action, arguments, "");
}

std::string request_json(const Caller& caller, int64_t now, std::string_view action, const json& args,
                         const RequestInputs& inputs) {
  std::string when;
  format_time(now, &when);
  std::string out = "{\"now\":" + canonical(when) + ",\"agent\":{\"id\":" + canonical(caller.agent) + "}";
  if (caller.user) out += ",\"user\":{\"id\":" + canonical(*caller.user) + "}";
  out += ",\"action\":" + canonical(std::string(action)) + ",\"args\":" + canonical(args);
  if (!inputs.context.empty()) out.append(",\"context\":").append(inputs.context);
  if (!inputs.entities.empty()) out.append(",\"entities\":").append(inputs.entities);
  out += "}";
  return out;
}

json placeholder_arguments(const BundleImage& image, const ActionImage& action) {
  json out = json::object();
  for (const SlotImage& s : action.params) out[s.name] = placeholder(image, s.type);
  for (const SlotImage& s : action.args) {
    if (s.optional) continue;
    std::string path = "/" + s.name;
    for (char& c : path)
      if (c == '.') c = '/';
    out[json::json_pointer(path)] = placeholder(image, s.type);
  }
  return out;
}

}  // namespace agentpol::gateway
