// dump.cpp — IR printer: S-expressions with slot names and typed constants
// (50.00 EUR, 900s, 2026-10-01T00:00:00Z, Intent.refund, "text", [..]).
#include "ir/dump.h"

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

std::string timeText(int64_t t) {
  int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
  int64_t secs = t - days * 86400;
  // civil_from_days (H. Hinnant)
  int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", y, m, d, secs / 3600, secs / 60 % 60, secs % 60);
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') { out += "\\n"; continue; }
    out += c;
  }
  return out + "\"";
}

struct Printer {
  const Program& p;
  const sema::CheckedPolicy& policy;
  uint32_t action;

  std::string scalar(Type t, int64_t v) const {
    switch (t.kind()) {
      case Kind::Bool: return v ? "true" : "false";
      case Kind::Money: {
        uint64_t a = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
        return fmt::format("{}{}.{:02} {}", v < 0 ? "-" : "", a / 100, a % 100, t.currency());
      }
      case Kind::Duration: return fmt::format("{}s", v);
      case Kind::Time: return timeText(v);
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
