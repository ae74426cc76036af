// ref_value.cpp — ordering and equality of reference values, and the
// readable rendering of a reference request for failure messages.
#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "reference_eval.h"

namespace agentpol::ref {

Value Value::set(std::vector<Value> items) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  Value x;
  x.tag = Tag::Set;
  x.items = std::move(items);
  return x;
}

bool operator<(const Value& a, const Value& b) {
  return std::tie(a.tag, a.n, a.s, a.items) < std::tie(b.tag, b.n, b.s, b.items);
}

bool operator==(const Value& a, const Value& b) {
  return a.tag == b.tag && a.n == b.n && a.s == b.s && a.items == b.items;
}

namespace {

std::string show(const sema::CheckedPolicy& p, const Request& r, const Value& v) {
  switch (v.tag) {
    case Value::Tag::Absent: return "absent";
    case Value::Tag::Scalar: return std::to_string(v.n);
    case Value::Tag::String: return "\"" + v.s + "\"";
    case Value::Tag::Entity: {
      const Entity& e = r.entities.at(static_cast<size_t>(v.n));
      std::string type = e.type == kNoType ? "Agent" : p.schema.entities[e.type].name;
      return type + "(" + e.id + ")";
    }
    case Value::Tag::Set:
    case Value::Tag::Record: {
      std::string out = v.tag == Value::Tag::Set ? "[" : "{";
      for (size_t i = 0; i < v.items.size(); ++i) out += (i ? ", " : "") + show(p, r, v.items[i]);
      return out + (v.tag == Value::Tag::Set ? "]" : "}");
    }
  }
  return "?";
}

}  // namespace

std::string describe(const sema::CheckedPolicy& p, const Request& r) {
  const sema::ActionInfo& a = p.schema.actions.at(r.action);
  std::string out = fmt::format("now={} agent={} user={} action={} revoked={}\n", r.now, r.agent,
                                r.user < 0 ? "none" : show(p, r, Value::entity(r.user)), a.name, r.revoked);
  for (size_t i = 0; i < r.params.size(); ++i) out += "  param " + a.params[i].name + " = " + show(p, r, r.params[i]) + "\n";
  for (size_t i = 0; i < r.args.size(); ++i) out += "  arg " + a.args[i].name + " = " + show(p, r, r.args[i]) + "\n";
  out += "  context = " + show(p, r, r.context) + "\n";
  for (size_t i = 0; i < r.entities.size(); ++i) {
    const Entity& e = r.entities[i];
    out += "  entity " + show(p, r, Value::entity(static_cast<int64_t>(i)));
    out += e.hasAttrs ? " " + show(p, r, Value::record(e.attrs)) + "\n" : " (reference only)\n";
  }
  return out;
}

}  // namespace agentpol::ref
