// rules.cpp — rule ids and annotations, subjects, the rule scope, `when`
// (with its `has` facts flowing into `unless`), asserts, and the inlining of
// every checked condition.
#include "sema/rules.h"

#include <filesystem>

#include "sema/action_scope.h"
#include "sema/agents.h"
#include "sema/expr_checker.h"
#include "sema/inliner.h"
#include "sema/name_list.h"

namespace agentpol::sema {
namespace {

using diag::DiagId;

ast::ExprPtr inlineChecked(SemaState& st, const ast::ExprPtr& e) {
  if (!e) return nullptr;
  Inliner inl(st);
  return inl.run(e.get());
}

class RuleChecker {
 public:
  RuleChecker(SemaState& st, CheckedPolicy& out) : st_(st), out_(out) {}

  void check(ast::RuleDecl& r, const std::string& stem) {
    CheckedRule rule;
    rule.range = r.range;
    rule.effectRange = r.effectRange.valid() ? r.effectRange : r.range;
    rule.effect = r.effect;
    rule.annotations = r.annotations;
    assignId(r, stem, rule);
    subject(r, rule);
    rule.actions = resolveActions(st_, &r.actions, rule.allActions);
    Scope scope;
    scope.kind = Scope::Kind::Rule;
    scope.userAlwaysPresent = r.userSubject;
    buildActionScope(st_.schema, rule.actions, scope, rule.names);
    ExprChecker checker(st_, scope);
    Facts whenFacts;
    if (r.when) {
      checker.checkCondition(*r.when, Facts{}, "the condition after `when`");
      whenFacts = checker.factsWhen(*r.when, true);
    }
    if (r.unless) checker.checkCondition(*r.unless, whenFacts, "the condition after `unless`");
    rule.when = inlineChecked(st_, r.when);
    rule.unless = inlineChecked(st_, r.unless);
    out_.rules.push_back(std::move(rule));
  }

 private:
  void assignId(const ast::RuleDecl& r, const std::string& stem, CheckedRule& rule) {
    llvm::StringMap<SourceRange> keys;
    const ast::Annotation* idAnn = nullptr;
    for (const ast::Annotation& a : r.annotations) {
      if (a.key.name == "tool") {
        st_.diags.report(DiagId::MisplacedTool, a.range, "rules");
        continue;
      }
      auto [it, fresh] = keys.try_emplace(a.key.name, a.range);
      if (!fresh) {
        auto& d = st_.diags.report(DiagId::DuplicateAnnotation, a.range, a.key.name);
        SemaState::noteFirst(d, it->second, "first given here");
        continue;
      }
      if (a.key.name == "id") idAnn = &a;
    }
    SourceRange at = rule.effectRange;
    if (idAnn) {
      if (idAnn->value.empty()) {
        st_.diags.report(DiagId::EmptyRuleId, idAnn->range);
        return;
      }
      rule.id = idAnn->value;
      rule.explicitId = true;
      at = idAnn->range;
    } else {
      uint32_t line = rule.effectRange.valid() ? st_.sm.lineCol(rule.effectRange.file, rule.effectRange.begin).line : 0;
      rule.id = stem + ":" + std::to_string(line);
    }
    auto [it, fresh] = ids_.try_emplace(rule.id, at);
    if (!fresh) {
      auto& d = st_.diags.report(DiagId::DuplicateRuleId, at, rule.id);
      SemaState::noteFirst(d, it->second, "first used here");
    }
  }

  void subject(const ast::RuleDecl& r, CheckedRule& rule) {
    if (r.userSubject) {
      rule.subject = Subject::User;
      st_.requireUser(rule.effectRange, "`user` rules");
      return;
    }
    st_.requireAgent(rule.effectRange, "agent rules");
    if (r.agents.all) {
      rule.subject = Subject::AllAgents;
      return;
    }
    rule.subject = Subject::Agents;
    ast::NameSet named{false, {}, r.agents.range};
    for (const ast::Ident& n : r.agents.names)
      if (validAgentName(st_, n)) named.names.push_back(n);
    if (named.names.size() != r.agents.names.size() && named.names.empty()) return;  // reported
    rule.agents = resolveNameList(st_, named, st_.schema.agentIndex, "agents", "agent", DiagId::UnknownAgent);
  }

  SemaState& st_;
  CheckedPolicy& out_;
  llvm::StringMap<SourceRange> ids_;
};

std::string fileStem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

}  // namespace

void checkRules(SemaState& st, LoadedSet& set, CheckedPolicy& out) {
  RuleChecker rc(st, out);
  for (size_t i = 0; i < set.files.size(); ++i) {
    if (set.originOfFile[i] != kUserOrigin) continue;
    std::string stem = fileStem(set.files[i].path);
    for (ast::DeclPtr& d : set.files[i].decls)
      if (auto* r = llvm::dyn_cast_or_null<ast::RuleDecl>(d.get())) rc.check(*r, stem);
  }
}

void checkAsserts(SemaState& st, LoadedSet& set, CheckedPolicy& out) {
  llvm::StringMap<SourceRange> names;
  for (size_t i = 0; i < set.files.size(); ++i) {
    if (set.originOfFile[i] != kUserOrigin) continue;
    for (ast::DeclPtr& d : set.files[i].decls) {
      auto* a = llvm::dyn_cast_or_null<ast::AssertDecl>(d.get());
      if (!a) continue;
      auto [it, fresh] = names.try_emplace(a->name.name, a->name.range);
      if (!fresh) {
        auto& diag = st.diags.report(DiagId::DuplicateDecl, a->name.range, "assert", a->name.name);
        SemaState::noteFirst(diag, it->second);
      }
      CheckedAssert ca;
      ca.name = a->name.name;
      ca.range = a->range;
      ca.actions = resolveActions(st, a->actions ? &*a->actions : nullptr, ca.allActions);
      Scope scope;
      scope.kind = Scope::Kind::Assert;
      buildActionScope(st.schema, ca.actions, scope, ca.names);
      if (a->body) ExprChecker(st, scope).checkCondition(*a->body, Facts{}, "an assert");
      ca.body = inlineChecked(st, a->body);
      out.asserts.push_back(std::move(ca));
    }
  }
}

}  // namespace agentpol::sema
