// dump.cpp — IR printer: S-expressions with slot names and typed constants
// (50.00 EUR, 900s, 2026-10-01T00:00:00Z, Intent.refund, "text", [..]).
#include "ir/dump.h"

#include <agentpol/audit.h>  // append_json_string, format_money, format_time
#include <fmt/format.h>

namespace agentpol::ir {

const char* opName(Op op) {
  static const char* const kNames[] = {
      "const", "now", "agent", "user", "has_user", "ctx", "has_ctx", "param", "arg", "has_arg",
      "attr", "has_attr", "id", "not", "and", "or", "if", "eq", "ne", "lt", "le", "gt", "ge",
      "add", "sub", "neg", "mul", "in", "contains_all", "contains_any", "is_empty", "make_set", "like"};
  return kNames[static_cast<size_t>(op)];
}

namespace {

std::string quoted(const std::string& s) {
  std::string out;
  append_json_string(s, &out);
  return out;
}

struct Printer {
  const Program& p;
  const sema::CheckedPolicy& policy;
  uint32_t action;

  std::string scalar(Type t, int64_t v) const {
    switch (t.kind()) {
      case Kind::Bool: return v ? "true" : "false";
      case Kind::Money: {
        std::string m;
        agentpol::format_money(v, t.currency(), &m);
        return m;
      }
      case Kind::Duration: return fmt::format("{}s", v);
      case Kind::Time: return agentpol::format_time(v);
      case Kind::Enum: {
        const sema::EnumInfo& e = policy.schema.enums.at(t.param());
        return e.name + "." + e.values.at(static_cast<size_t>(v));
      }
      default: return std::to_string(v);
    }
  }

  std::string constant(const ConstImage& k) const {
    if (!k.type.is_set()) return k.type.kind() == Kind::String ? quoted(k.strings[0]) : scalar(k.type, k.ints[0]);
    std::string out = "[";
    for (const std::string& s : k.strings) out += (out.size() > 1 ? ", " : "") + quoted(s);
    for (int64_t v : k.ints) out += (out.size() > 1 ? ", " : "") + scalar(k.type.element(), v);
    return out + "]";
  }

  std::string head(const Node& n) const {
    switch (n.op) {
      case Op::Ctx: case Op::HasCtx: return fmt::format("{} {}", opName(n.op), p.layout.context().slots.at(n.a).name);
      case Op::Arg: case Op::HasArg: return fmt::format("{} {}", opName(n.op), p.layout.args.at(action).slots.at(n.a).name);
      case Op::Param: return fmt::format("param {}", policy.schema.actions.at(action).params.at(n.a).name);
      case Op::Attr: case Op::HasAttr:
        return fmt::format("{} {}.{}", opName(n.op), policy.schema.entities.at(n.a).name,
                           p.layout.entities.at(n.a).slots.at(n.b).name);
      case Op::Mul: return fmt::format("mul {}", n.k.ints[0]);
      case Op::Like: {
        std::string pat;
        for (size_t i = 0; i < n.k.strings.size(); ++i) {
          if (i) pat += '*';
          for (char c : n.k.strings[i]) pat += c == '*' ? std::string("\\*") : std::string(1, c);
        }
        return "like " + quoted(pat);
      }
      default: return opName(n.op);
    }
  }

  std::string node(const Node& n) const {
    if (n.op == Op::Const) return constant(n.k);
    std::string out = "(" + head(n);
    for (const NodeRef& k : n.kids) out += " " + node(*k);
    return out + ")";
  }
};

const char* effectName(ast::Effect e) {
  return e == ast::Effect::Permit ? "permit" : e == ast::Effect::Forbid ? "forbid" : "escalate";
}

std::string subject(const sema::CheckedRule& r, const sema::CheckedPolicy& policy) {
  if (r.subject == sema::Subject::User) return "user";
  if (r.subject == sema::Subject::AllAgents) return "agent *";
  std::string out = "agent [";
  for (size_t i = 0; i < r.agents.size(); ++i) out += (i ? ", " : "") + policy.schema.agents.at(r.agents[i]).name;
  return out + "]";
}

}  // namespace

std::string dumpNode(const NodeRef& node, const Program& program, const sema::CheckedPolicy& policy, uint32_t action) {
  return Printer{program, policy, action}.node(*node);
}

std::string dump(const Program& program, const sema::CheckedPolicy& policy) {
  std::string out;
  for (const Rule& r : program.rules) {
    out += fmt::format("rule {}: {} {}\n", r.source->id, effectName(r.source->effect), subject(*r.source, policy));
    for (const RuleBody& b : r.bodies)
      out += fmt::format("  {}: {}\n", policy.schema.actions.at(b.action).name, dumpNode(b.cond, program, policy, b.action));
  }
  return out;
}

}  // namespace agentpol::ir
