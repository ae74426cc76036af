// defs.cpp — body checks, cycle detection by depth-first search (every cycle
// has a back edge; its target is marked recursive and never inlined), and a
// trial inlining of each def body.
#include "sema/defs.h"

#include "sema/expr_checker.h"
#include "sema/inliner.h"

namespace agentpol::sema {
namespace {

using diag::DiagId;

void checkBody(SemaState& st, DefInfo& def) {
  if (!def.decl->body) return;
  Scope scope;
  scope.kind = Scope::Kind::Def;
  scope.origin = def.origin;
  for (uint32_t i = 0; i < def.params.size(); ++i)
    scope.names.try_emplace(def.params[i].name, ScopeName{ast::Binding::Kind::DefParam, i, def.params[i].type});
  size_t before = st.diags.errorCount();
  ExprChecker checker(st, scope);
  ast::Expr& body = *def.decl->body;
  const Type* t = checker.check(body, Facts{});
  if (!compatible(t, def.result)) {
    st.diags.report(DiagId::DefResultType, body.range, def.name, def.result->str(), t->str());
  } else {
    ExprChecker::settle(body, def.result);
  }
  def.callees = checker.callees();
  def.bodyOk = st.diags.errorCount() == before;
}

class CycleFinder {
 public:
  explicit CycleFinder(SemaState& st) : st_(st), color_(st.defs.size(), 0) {}

  void run() {
    for (uint32_t i = 0; i < st_.defs.size(); ++i)
      if (color_[i] == 0) visit(i);
  }

 private:
  void visit(uint32_t i) {
    color_[i] = 1;
    stack_.push_back(i);
    for (uint32_t j : st_.defs[i].callees) {
      if (color_[j] == 1) report(j);
      else if (color_[j] == 0) visit(j);
    }
    stack_.pop_back();
    color_[i] = 2;
  }

  // A back edge to `target`, which is on the stack: the cycle is the stack
  // from `target` to the top.
  void report(uint32_t target) {
    DefInfo& def = st_.defs[target];
    if (def.recursive) return;
    def.recursive = true;
    std::string cycle;
    bool on = false;
    for (uint32_t k : stack_) {
      if (k == target) on = true;
      if (on) cycle += "`" + st_.defs[k].name + "` calls ";
    }
    cycle += "`" + def.name + "`";
    st_.diags.report(DiagId::RecursiveDef, def.decl->name.range, def.name, cycle);
  }

  SemaState& st_;
  std::vector<int> color_;
  std::vector<uint32_t> stack_;
};

// Inlines a def body on its own (callees first), so that a size blow-up is
// reported once, at the first def that causes it; callers of a def that
// failed are marked failed without another report.
void trialInline(SemaState& st, uint32_t i, std::vector<int>& state) {
  if (state[i] != 0) return;
  state[i] = 1;
  DefInfo& def = st.defs[i];
  for (uint32_t c : def.callees) {
    trialInline(st, c, state);
    if (!st.defs[c].bodyOk || st.defs[c].recursive) def.bodyOk = false;
  }
  if (def.bodyOk && !def.recursive) {
    Inliner trial(st);
    trial.run(def.decl->body.get());
    if (trial.failed()) def.bodyOk = false;
  }
  state[i] = 2;
}

}  // namespace

void checkDefs(SemaState& st) {
  for (DefInfo& def : st.defs) checkBody(st, def);
  CycleFinder(st).run();
  std::vector<int> state(st.defs.size(), 0);
  for (uint32_t i = 0; i < st.defs.size(); ++i) trialInline(st, i, state);
}

}  // namespace agentpol::sema
