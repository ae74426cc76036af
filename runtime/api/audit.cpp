// audit.cpp — AuditRecord accessors over a decided request and audit_json(),
// which renders the record of spec section 10 as one JSON line with no JSON
// library, and append_json_string (RFC 8259 escapes), shared by the tools.
#include "api/access.h"

#include <agentpol/audit.h>

namespace agentpol {

using detail::as_view;

void append_json_string(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') { out->push_back('\\'); out->push_back(ch); }
    else if (c == '\n') *out += "\\n";
    else if (c == '\t') *out += "\\t";
    else if (c == '\r') *out += "\\r";
    else if (c < 0x20) { *out += "\\u00"; out->push_back(kHex[c >> 4]); out->push_back(kHex[c & 15]); }
    else out->push_back(ch);
  }
  out->push_back('"');
}

namespace {

const detail::RequestData& rd(const Request& r) { return detail::request_data(r); }

void json_scalar(const detail::RequestData& d, Type t, const Val& v, std::string* out) {
  const BundleImage& im = d.sd->image;
  switch (t.kind()) {
    case Kind::Bool: *out += v.n ? "true" : "false"; return;
    case Kind::Int: *out += std::to_string(v.n); return;
    case Kind::String: append_json_string(as_view(v), out); return;
    case Kind::Enum: append_json_string(im.enums[t.param()].values[static_cast<size_t>(v.n)], out); return;
    case Kind::Entity: append_json_string(as_view(d.ents[static_cast<size_t>(v.n)].id), out); return;
    default: break;
  }
  std::string text;
  if (t.kind() == Kind::Money) format_money(v.n, t.currency(), &text);
  else if (t.kind() == Kind::Duration) format_duration(v.n, &text);
  else format_time(v.n, &text);
  append_json_string(text, out);
}

void json_value(const detail::RequestData& d, Type t, const Val& v, std::string* out) {
  if (!t.is_set()) return json_scalar(d, t, v, out);
  out->push_back('[');
  for (int64_t i = 0; i < v.n; ++i) {
    if (i) out->push_back(',');
    json_scalar(d, t.element(), set_items(v)[i], out);
  }
  out->push_back(']');
}

const ActionImage* action_of(const detail::RequestData& d) {
  return d.action == kNone ? nullptr : &d.sd->image.actions[d.action];
}

}  // namespace

bool AuditRecord::has_time() const { return rd(req_).has_now; }
int64_t AuditRecord::time() const { return rd(req_).now; }
std::string_view AuditRecord::agent() const {
  const auto& d = rd(req_);
  return d.agent < 0 ? std::string_view() : as_view(d.ents[static_cast<size_t>(d.agent)].id);
}
bool AuditRecord::has_user() const { return rd(req_).user >= 0; }
std::string_view AuditRecord::user() const {
  const auto& d = rd(req_);
  return d.user < 0 ? std::string_view() : as_view(d.ents[static_cast<size_t>(d.user)].id);
}
std::string_view AuditRecord::action() const {
  const ActionImage* a = action_of(rd(req_));
  return a ? std::string_view(a->name) : std::string_view();
}
size_t AuditRecord::resource_count() const {
  const ActionImage* a = action_of(rd(req_));
  return a ? a->params.size() : 0;
}
std::string_view AuditRecord::resource_name(size_t i) const { return action_of(rd(req_))->params[i].name; }
std::string_view AuditRecord::resource_id(size_t i) const {
  const auto& d = rd(req_);
  if (!d.params_has[i]) return {};
  return as_view(d.ents[static_cast<size_t>(d.params[i].n)].id);
}
size_t AuditRecord::argument_count() const {
  const ActionImage* a = action_of(rd(req_));
  return a ? a->args.size() : 0;
}
std::string_view AuditRecord::argument_name(size_t i) const { return action_of(rd(req_))->args[i].name; }
bool AuditRecord::argument_present(size_t i) const { return rd(req_).args_has[i] != 0; }
bool AuditRecord::argument_optional(size_t i) const { return action_of(rd(req_))->args[i].optional; }
void AuditRecord::argument_json(size_t i, std::string* out) const {
  const auto& d = rd(req_);
  if (!d.args_has[i]) { *out += "null"; return; }
  json_value(d, action_of(d)->args[i].type, d.args[i], out);
}

namespace {

void json_key(const char* k, std::string* out) {
  out->push_back(',');
  append_json_string(k, out);
  out->push_back(':');
}

void json_rules(const AuditRecord& r, std::string* out) {
  const Result& res = r.result();
  json_key("rules", out);
  out->push_back('[');
  for (size_t i = 0; i < res.rule_count; ++i) {
    if (i) out->push_back(',');
    append_json_string(res.rule_id(i), out);
  }
  out->push_back(']');
  bool any = false;
  for (size_t i = 0; i < res.rule_count; ++i) {
    const RuleImage& rule = r.bundle().image().rules[res.rules[i]];
    if (rule.annotations.empty()) continue;
    if (!any) json_key("annotations", out);
    out->push_back(any ? ',' : '{');
    any = true;
    append_json_string(rule.id, out);
    out->push_back(':');
    for (size_t k = 0; k < rule.annotations.size(); ++k) {
      out->push_back(k ? ',' : '{');
      append_json_string(rule.annotations[k].first, out);
      out->push_back(':');
      append_json_string(rule.annotations[k].second, out);
    }
    out->push_back('}');
  }
  if (any) out->push_back('}');
}

void json_action(const AuditRecord& r, std::string* out) {
  json_key("resources", out);
  for (size_t i = 0; i < r.resource_count(); ++i) {
    out->push_back(i ? ',' : '{');
    append_json_string(r.resource_name(i), out);
    out->push_back(':');
    append_json_string(r.resource_id(i), out);
  }
  *out += r.resource_count() ? "}" : "{}";
  json_key("args", out);
  bool any = false;
  for (size_t i = 0; i < r.argument_count(); ++i) {
    if (!r.argument_present(i) && r.argument_optional(i)) continue;  // not given: left out
    out->push_back(any ? ',' : '{');
    any = true;
    append_json_string(r.argument_name(i), out);
    out->push_back(':');
    r.argument_json(i, out);
  }
  *out += any ? "}" : "{}";
}

}  // namespace

void audit_json(const AuditRecord& r, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  *out += "{\"time\":";
  if (r.has_time()) { std::string t; format_time(r.time(), &t); append_json_string(t, out); }
  else *out += "null";
  json_key("namespace", out); append_json_string(r.bundle().image().ns, out);
  json_key("agent", out); append_json_string(r.agent(), out);
  json_key("user", out);
  if (r.has_user()) append_json_string(r.user(), out);
  else *out += "null";
  json_key("action", out); append_json_string(r.action(), out);
  json_action(r, out);
  json_key("decision", out); append_json_string(to_string(r.result().decision), out);
  json_key("reason", out); append_json_string(to_string(r.result().reason), out);
  json_rules(r, out);
  if (!r.result().message.empty()) { json_key("message", out); append_json_string(r.result().message, out); }
  json_key("bundle", out);
  out->push_back('"');
  for (uint8_t b : r.bundle().source_hash()) { out->push_back(kHex[b >> 4]); out->push_back(kHex[b & 15]); }
  *out += "\"}";
}

}  // namespace agentpol
