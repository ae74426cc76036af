// ast_dump_decl.cpp — the declaration half of the canonical AST dump: one
// `(kind name …)` group per declaration, its parts on indented lines.
#include <fmt/format.h>
#include <llvm/Support/Casting.h>

#include "ast/ast_dump.h"

namespace agentpol::ast {
namespace {

using llvm::cast;

std::string path(const std::vector<Ident>& p) {
  std::string out;
  for (const Ident& i : p) out += (out.empty() ? "" : ".") + i.name;
  return out;
}

// A name as written: a quoted agent name as a string literal.
std::string nameText(const Ident& i) { return i.quoted ? dumpExpr(StringLit(i.name, i.range)) : i.name; }

std::string names(const NameSet& s) {
  if (s.all) return "*";
  std::string out;
  for (const Ident& i : s.names) out += (out.empty() ? "" : " ") + nameText(i);
  return s.names.size() == 1 ? out : "[" + out + "]";
}

std::string fields(const char* tag, const std::vector<FieldDecl>& fs) {
  std::string out;
  for (const FieldDecl& f : fs)
    out += fmt::format("\n  ({} {}{} {})", tag, f.name.name, f.optional ? "?" : "", dumpType(f.type));
  return out;
}

std::string params(const std::vector<ParamDecl>& ps) {
  std::string out;
  for (const ParamDecl& p : ps)
    out += fmt::format("\n  (param {}{} {})", p.name.name, p.optional.valid() ? "?" : "", dumpType(p.type));
  return out;
}

std::string annotations(const Decl& d) {
  std::string out;
  for (const Annotation& a : d.annotations) {
    std::string v = dumpExpr(StringLit(a.value, a.range));
    out += fmt::format("\n  (@{} {})", a.key.name, v);
  }
  return out;
}

std::string rule(const RuleDecl& r) {
  static constexpr const char* kEffects[] = {"permit", "forbid", "escalate"};
  std::string subject = r.userSubject ? "user" : fmt::format("(agents {})", names(r.agents));
  std::string out = fmt::format("(rule {} {} (actions {})", kEffects[static_cast<int>(r.effect)], subject,
                                names(r.actions));
  if (r.when) out += "\n  (when " + dumpExpr(*r.when) + ")";
  if (r.unless) out += "\n  (unless " + dumpExpr(*r.unless) + ")";
  return out;
}

std::string body(const Decl& d) {
  switch (d.kind()) {
    case Decl::Kind::Namespace: return "(namespace " + path(cast<NamespaceDecl>(d).path);
    case Decl::Kind::Import: return "(import " + path(cast<ImportDecl>(d).path);
    case Decl::Kind::Enum: {
      const auto& e = cast<EnumDecl>(d);
      std::string out = "(enum " + e.name.name;
      for (const Ident& v : e.values) out += " " + v.name;
      return out;
    }
    case Decl::Kind::Record: return "(record " + cast<RecordDecl>(d).name.name + fields("field", cast<RecordDecl>(d).fields);
    case Decl::Kind::Entity: return "(entity " + cast<EntityDecl>(d).name.name + fields("field", cast<EntityDecl>(d).fields);
    case Decl::Kind::Action: {
      const auto& a = cast<ActionDecl>(d);
      return "(action " + a.name.name + params(a.params) + fields("arg", a.args);
    }
    case Decl::Kind::Context: return "(context" + fields("field", cast<ContextDecl>(d).fields);
    case Decl::Kind::Agent: {
      const auto& a = cast<AgentDecl>(d);
      std::string out = "(agent " + nameText(a.name);
      for (const AgentProp& p : a.props) out += fmt::format("\n  ({} {})", p.key.name, dumpExpr(*p.value));
      return out;
    }
    case Decl::Kind::Def: {
      const auto& f = cast<DefDecl>(d);
      return fmt::format("(def {}{}\n  (result {})\n  (body {})", f.name.name, params(f.params),
                         dumpType(f.resultType), dumpExpr(*f.body));
    }
    case Decl::Kind::Rule: return rule(cast<RuleDecl>(d));
    case Decl::Kind::Assert: {
      const auto& a = cast<AssertDecl>(d);
      std::string out = "(assert " + a.name.name;
      if (a.actions) out += " (for " + names(*a.actions) + ")";
      return out + "\n  (body " + dumpExpr(*a.body) + ")";
    }
  }
  return "(?";
}

}  // namespace

std::string dumpDecl(const Decl& d) {
  return body(d) + annotations(d) + ")";
}

std::string dumpFile(const File& file) {
  std::string out;
  for (const DeclPtr& d : file.decls) out += dumpDecl(*d) + "\n";
  return out;
}

}  // namespace agentpol::ast
