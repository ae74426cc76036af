// agents.cpp — one AgentInfo per `agent` declaration (its name checked by
// the runtime's agent-name rule); every property is validated on its own so
// that all mistakes of an agent are reported.
#include "sema/agents.h"

#include <agentpol/agent_name.h>

#include "sema/declare_once.h"
#include "sema/name_list.h"
#include "sema/seen_names.h"

namespace agentpol::sema {
namespace {

using diag::DiagId;

class AgentBuilder {
 public:
  explicit AgentBuilder(SemaState& st) : st_(st) {}

  void build(const ast::AgentDecl& decl) {
    if (!validAgentName(st_, decl.name)) return;
    if (!declareOnce(st_, st_.schema.agentIndex, st_.schema.agents, decl.name, "agent")) return;
    AgentInfo info;
    info.name = decl.name.name;
    info.range = decl.name.range;
    SeenNames seen(st_);
    for (const ast::AgentProp& p : decl.props)
      if (seen.add(p.key, "agent property")) prop(info, p);
    for (const char* required : {"owner", "purpose"})
      if (!seen.contains(required)) st_.diags.report(DiagId::MissingAgentProp, decl.name.range, info.name, required);
    st_.schema.agents.push_back(std::move(info));
  }

 private:
  void prop(AgentInfo& info, const ast::AgentProp& p) {
    const std::string& k = p.key.name;
    const ast::Expr* v = p.value.get();
    if (k == "owner" || k == "purpose") {
      auto* s = llvm::dyn_cast_or_null<ast::StringLit>(v);
      if (!s) return bad(p, "a String literal, as in `\"team-billing\"`");
      (k == "owner" ? info.owner : info.purpose) = s->value;
    } else if (k == "reviewed" || k == "expires") {
      auto* t = llvm::dyn_cast_or_null<ast::TimeLit>(v);
      if (!t) return bad(p, "a Time literal, as in `2026-10-01`");
      (k == "reviewed" ? info.reviewed : info.expires) = t->epochSeconds;
    } else if (k == "may") {
      may(info, p);
    } else {
      st_.diags.report(DiagId::UnknownAgentProp, p.key.range, k);
    }
  }

  void may(AgentInfo& info, const ast::AgentProp& p) {
    auto* list = llvm::dyn_cast_or_null<ast::SetLit>(p.value.get());
    if (!list) return bad(p, "a list of action names, as in `[refund, read_invoice]`");
    info.hasScope = true;
    NameListResolver actions(st_, st_.schema.actionIndex, "action", DiagId::UnknownAction);
    for (const ast::ExprPtr& e : list->elements) {
      auto* n = llvm::dyn_cast_or_null<ast::NameExpr>(e.get());
      if (!n) {
        bad(p, "a list of action names, as in `[refund, read_invoice]`");
        continue;
      }
      actions.add(n->name, n->range, info.may);
    }
  }

  void bad(const ast::AgentProp& p, const char* what) {
    SourceRange r = p.value ? p.value->range : p.range;
    st_.diags.report(DiagId::BadAgentProp, r, p.key.name, what);
  }

  SemaState& st_;
};

}  // namespace

bool validAgentName(SemaState& st, const ast::Ident& name) {
  std::string why = agent_name_problem(name.name);
  if (why.empty()) return true;
  st.diags.report(DiagId::InvalidAgentName, name.range, why);
  return false;
}

void buildAgents(SemaState& st, const LoadedSet& set) {
  AgentBuilder b(st);
  for (size_t i = 0; i < set.files.size(); ++i) {
    if (set.originOfFile[i] != kUserOrigin) continue;
    for (const ast::DeclPtr& d : set.files[i].decls)
      if (auto* a = llvm::dyn_cast_or_null<ast::AgentDecl>(d.get())) b.build(*a);
  }
}

}  // namespace agentpol::sema
