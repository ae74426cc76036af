// disasm.cpp — readable listing of a loaded bundle: schema tables, agents,
// constants, patterns, rules and every code block, one instruction per line
// with operands named from the tables (driven by opcodes.def's formats).
// Entry points: Bundle::disassemble() and disassemble(bytes).
#include "loader/bundle_data.h"

#include <agentpol/audit.h>
#include <agentpol/bundle.h>

#include <cstdio>

namespace agentpol {
namespace {

struct Disasm {
  const BundleImage& im;
  const detail::BundleData& d;
  std::string out;

  void line(const std::string& s) { out += s; out += '\n'; }
  std::string ty(Type t) const { return type_name(t, im); }
  // A string as a policy writes it (the loader refused control characters
  // in tool names; quotes and backslashes are escaped).
  static std::string quoted(const std::string& s) {
    std::string q = "\"";
    for (char c : s) q += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
    return q + "\"";
  }
  // An agent as a policy names it: an identifier bare, any other identity
  // quoted (`"billing-assist-07"`).
  static std::string agent_ref(const std::string& name) {
    bool ident = !name.empty() && !(name[0] >= '0' && name[0] <= '9');
    for (char c : name) ident = ident && (c == '_' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'));
    return ident ? name : quoted(name);
  }
  std::string slots(const std::vector<SlotImage>& v) const {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i)
      s += (i ? ", " : "") + v[i].name + (v[i].optional ? "?: " : ": ") + ty(v[i].type);
    return s;
  }
  std::string scalar(Type t, int64_t v) const;
  std::string constant(uint32_t k) const;
  void schema();
  void agents();
  void rules();
  void block(uint32_t index);
  std::string operands(const detail::Insn& in, const detail::CodeBlock& b, const ActionImage* act) const;
};

std::string Disasm::scalar(Type t, int64_t v) const {
  std::string s;
  switch (t.kind()) {
    case Kind::Bool: return v ? "true" : "false";
    case Kind::Money: format_money(v, t.currency(), &s); return s;
    case Kind::Duration: format_duration(v, &s); return s;
    case Kind::Time: format_time(v, &s); return s;
    case Kind::Enum: return im.enums[t.param()].name + "." + im.enums[t.param()].values[static_cast<size_t>(v)];
    default: return std::to_string(v);
  }
}

std::string Disasm::constant(uint32_t k) const {
  const ConstImage& c = im.constants[k];
  std::string s;
  size_t n = c.type.element().kind() == Kind::String ? c.strings.size() : c.ints.size();
  for (size_t i = 0; i < n; ++i) {
    if (i) s += ", ";
    s += c.type.element().kind() == Kind::String ? "\"" + c.strings[i] + "\"" : scalar(c.type.element(), c.ints[i]);
  }
  return c.type.is_set() ? "[" + s + "]" : s;
}

void Disasm::schema() {
  line("; agentpol bundle, format " + std::to_string(kFormatVersion) + ", namespace " + (im.ns.empty() ? "-" : im.ns));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(d.checksum));
  std::string hash;
  for (uint8_t b : im.source_hash) { char h[3]; std::snprintf(h, sizeof h, "%02x", b); hash += h; }
  line("; source hash " + hash + ", checksum " + buf);
  for (const EnumImage& e : im.enums) {
    std::string v;
    for (size_t i = 0; i < e.values.size(); ++i) v += (i ? ", " : "") + e.values[i];
    line("enum " + e.name + " { " + v + " }");
  }
  for (const RecordImage& r : im.records) line("record " + r.name + " { " + slots(r.fields) + " }");
  for (uint32_t i = 0; i < im.entity_types.size(); ++i) {
    const EntityTypeImage& t = im.entity_types[i];
    std::string role = im.agent_type == i ? "  ; agent" : im.user_type == i ? "  ; user" : "";
    line("entity " + t.name + " { " + slots(t.attrs) + " }" + role);
  }
  line("context { " + slots(im.context) + " }");
  for (const ActionImage& a : im.actions) {
    std::string tool = a.tool.empty() ? "" : "@tool(" + quoted(a.tool) + ") ";
    line(tool + "action " + a.name + "(" + slots(a.params) + ") { " + slots(a.args) + " }");
  }
}

void Disasm::agents() {
  for (const AgentImage& a : im.agents) {
    std::string s = "agent " + agent_ref(a.name) + " owner \"" + a.owner + "\" purpose \"" + a.purpose + "\"";
    if (a.reviewed) s += " reviewed " + scalar(Type::time(), *a.reviewed);
    if (a.expires) s += " expires " + scalar(Type::time(), *a.expires);
    if (a.has_scope) {
      s += " may [";
      for (size_t i = 0; i < a.may.size(); ++i) s += (i ? ", " : "") + im.actions[a.may[i]].name;
      s += "]";
    }
    line(s);
  }
  for (uint32_t k = 0; k < im.constants.size(); ++k)
    line("const k" + std::to_string(k) + ": " + ty(im.constants[k].type) + " = " + constant(k));
  for (size_t g = 0; g < im.patterns.size(); ++g) {
    std::string s;
    for (size_t i = 0; i < im.patterns[g].segments.size(); ++i) s += (i ? " * " : "") + ("\"" + im.patterns[g].segments[i] + "\"");
    line("pattern g" + std::to_string(g) + ": " + s);
  }
}

void Disasm::rules() {
  static const char* const kEffect[] = {"permit", "forbid", "escalate"};
  for (size_t r = 0; r < im.rules.size(); ++r) {
    const RuleImage& rule = im.rules[r];
    std::string s = "rule " + std::to_string(r) + " \"" + rule.id + "\" " + kEffect[static_cast<unsigned>(rule.effect)];
    if (rule.side == Side::User) s += " user";
    else if (rule.all_agents) s += " agent *";
    else {
      s += " agent [";
      for (size_t i = 0; i < rule.agents.size(); ++i) s += (i ? ", " : "") + agent_ref(im.agents[rule.agents[i]].name);
      s += "]";
    }
    for (size_t i = 0; i < rule.bodies.size(); ++i)
      s += (i ? ", " : " : ") + im.actions[rule.bodies[i].action].name + " -> code" + std::to_string(rule.bodies[i].code);
    for (const auto& kv : rule.annotations) s += " @" + kv.first + "(\"" + kv.second + "\")";
    line(s);
  }
}

std::string Disasm::operands(const detail::Insn& in, const detail::CodeBlock& b, const ActionImage* act) const {
  switch (op_info(in.op).format) {
    case OperandFormat::None: return "";
    case OperandFormat::Imm: return std::to_string(in.a);
    case OperandFormat::Const: return "k" + std::to_string(in.a) + "  ; " + constant(in.a);
    case OperandFormat::Ctx: return std::to_string(in.a) + "  ; context." + im.context[in.a].name;
    case OperandFormat::Param:
      return std::to_string(in.a) + (act && in.a < act->params.size() ? "  ; " + act->params[in.a].name : "");
    case OperandFormat::Arg:
      return std::to_string(in.a) + (act && in.a < act->args.size() ? "  ; " + act->args[in.a].name : "");
    case OperandFormat::Attr:
      return std::to_string(in.a) + " " + std::to_string(in.b) + "  ; " + im.entity_types[in.a].name + "." +
             im.entity_types[in.a].attrs[in.b].name;
    case OperandFormat::Pattern: return "g" + std::to_string(in.a);
    case OperandFormat::SetOf: return ty(Type{in.a}) + " " + std::to_string(in.b);
    case OperandFormat::Jump: {
      char buf[16];
      std::snprintf(buf, sizeof buf, "-> %04u", b.offsets[in.a]);
      return buf;
    }
  }
  return "";
}

void Disasm::block(uint32_t index) {
  const detail::CodeBlock& b = d.code[index];
  const ActionImage* act = nullptr;  // names params/args after the first action using the block
  for (const RuleImage& r : im.rules)
    for (const RuleBody& body : r.bodies)
      if (!act && body.code == index) act = &im.actions[body.action];
  line("code" + std::to_string(index) + ": ; " + std::to_string(im.code[index].bytes.size()) + " bytes, max stack " +
       std::to_string(b.max_stack) + ", scratch " + std::to_string(b.scratch));
  for (size_t i = 0; i < b.insns.size(); ++i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "  %04u  ", b.offsets[i]);
    std::string name = op_info(b.insns[i].op).name;
    name.resize(name.size() < 12 ? 12 : name.size(), ' ');
    std::string s = buf + name + operands(b.insns[i], b, act);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    line(s);
  }
}

}  // namespace

std::string Bundle::disassemble() const {
  Disasm d{d_->image, *d_, {}};
  d.schema();
  d.agents();
  d.rules();
  for (uint32_t i = 0; i < d_->code.size(); ++i) d.block(i);
  return d.out;
}

std::string disassemble(const std::vector<uint8_t>& bytes) {
  LoadResult r = load_bundle(bytes);
  return r ? r.bundle->disassemble() : "error: " + r.error + "\n";
}

}  // namespace agentpol
