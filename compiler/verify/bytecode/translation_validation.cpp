// translation_validation.cpp — per action, small queries instead of one big
// one: (1) the gates (known agent, expiry, scope) of the bundle's inventory
// equal the source's; (2) for each rule id, the bytecode's fail-closed match
// and hit (applies and matches) equal the source's, a rule present on one
// side only never hitting on the other; (3) effects and sides agree. Both
// decisions are encodeDecision of those inputs, so (1)-(3) prove decision and
// reason equal. A difference is turned into a request — preferring one where
// the decision itself differs — rendered, replayed through both encodings
// (concrete_outcome.h) and explained.
#include "verify/bytecode/translation_validation.h"

#include <chrono>

#include "verify/bytecode/bundle_session.h"
#include "verify/bytecode/concrete_outcome.h"
#include "verify/bytecode/prop_abstraction.h"
#include "verify/counterexample.h"

namespace agentpol::verify::bytecode {
namespace {

struct RulePair {
  std::string id;
  z3::expr diff;          // some request tells the two apart
  bool structural = false;  // same id, other effect or side
};

z3::expr sourceMatch(const ActionModel& m, const RuleEntry& e) {
  const SymValue& c = *e.cond;
  return m.policy().rules[e.rule].effect == ast::Effect::Permit ? (c.value && !c.error) : (c.value || c.error);
}

class Validator {
 public:
  Validator(BundleSession& b, TranslationResult& out, unsigned timeoutMs)
      : b_(b), s_(b.source()), out_(out), timeoutMs_(timeoutMs) {}

  // False when a difference was found (the run stops).
  bool action(uint32_t a) {
    ActionModel& m = s_.model(a);
    BytecodeModel& bc = b_.model(a);
    name_ = s_.policy().schema.actions[a].name;
    if (!m.complete()) return undecided(m.unsupported()), true;
    if (!bc.complete()) return undecided(bc.unsupported()), true;
    z3::context& c = s_.env().ctx();
    z3::solver solver(c);
    z3::params p(c);
    p.set("timeout", timeoutMs_);
    solver.set(p);
    for (const z3::expr& d : m.req.domain) solver.add(d);
    solver.add(bc.facts());
    solver.add(bc.witnesses());
    const DecisionTerms& src = *m.decision;
    const DecisionTerms& byc = *bc.decision;
    std::vector<RulePair> pairs{{"", src.known != byc.known || src.expired != byc.expired || src.inScope != byc.inScope}};
    bool structural = false;
    for (RulePair& rp : pairRules(m, bc)) {
      structural = structural || rp.structural;
      pairs.push_back(rp);
    }
    for (const RulePair& rp : pairs) {
      bool cheap = false;
      timed([&] {
        cheap = propositionallyUnsat(rp.diff, timeoutMs_);
        return z3::unsat;
      });
      if (cheap) continue;
      z3::check_result r = timed([&] {
        z3::expr_vector q(c);
        q.push_back(rp.diff);
        return solver.check(q);
      });
      if (r == z3::unsat) continue;
      if (r == z3::unknown)
        return undecided((rp.id.empty() ? std::string("the inventory") : "rule `" + rp.id + "`") +
                         ": the solver gave up (" + solver.reason_unknown() + ")"),
               true;
      return differs(a, rp, byc, src), false;
    }
    if (structural) {  // equal hits, other effects: ask about the decision itself
      QueryResult q =
          find(a, bc.facts() && bc.witnesses() && (src.decision != byc.decision || src.reason != byc.reason));
      if (q.kind == QueryResult::Kind::Sat) return explain(a, q, "a rule's effect or side differs"), false;
      if (q.kind == QueryResult::Kind::Unknown) return undecided("the solver gave up (" + q.reason + ")"), true;
    }
    ++out_.actions;
    return true;
  }

  std::string unknownWhy;

 private:
  std::vector<RulePair> pairRules(const ActionModel& m, const BytecodeModel& bc) {
    z3::context& c = s_.env().ctx();
    std::vector<RulePair> out;
    for (const RuleEntry& e : m.rules) {
      const sema::CheckedRule& rule = m.policy().rules[e.rule];
      z3::expr match = sourceMatch(m, e);
      z3::expr srcHit = e.applies && match;
      const BytecodeRule* r = bc.byId(rule.id);
      if (!r) {
        out.push_back(RulePair{rule.id, srcHit});
        continue;
      }
      bool userSide = rule.subject == sema::Subject::User;
      out.push_back(RulePair{rule.id, srcHit != (r->applies && r->matches) || match != r->matches,
                             r->effect != rule.effect || r->userSide != userSide});
    }
    for (const BytecodeRule& r : bc.rules)
      if (r.sourceRule < 0 || !m.entry(static_cast<uint32_t>(r.sourceRule)))
        out.push_back(RulePair{r.id, r.applies && r.matches});
    (void)c;
    return out;
  }

  template <class F>
  z3::check_result timed(F f) {
    auto start = std::chrono::steady_clock::now();
    z3::check_result r = f();
    out_.millis += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return r;
  }

  QueryResult find(uint32_t a, const z3::expr& query) {
    QueryResult q;
    timed([&] {
      q = s_.prover(a).find(query, {ModelWanted::Readable, CoreWanted::Minimal});
      return z3::sat;
    });
    return q;
  }

  void undecided(const std::string& why) {
    if (unknownWhy.empty()) unknownWhy = "action `" + name_ + "`: " + why;
  }

  // A difference in `rp`: find a request, preferably one whose decision differs.
  void differs(uint32_t a, const RulePair& rp, const DecisionTerms& byc, const DecisionTerms& src) {
    BytecodeModel& bc = b_.model(a);
    z3::expr decisionDiff = src.decision != byc.decision || src.reason != byc.reason;
    z3::expr search = bc.facts() && bc.witnesses() && rp.diff;
    QueryResult q = find(a, search && decisionDiff);
    if (q.kind != QueryResult::Kind::Sat) q = find(a, search);
    std::string what = rp.id.empty() ? "the agent inventory (expiry, scope) differs" : "rule `" + rp.id + "` differs";
    if (q.kind != QueryResult::Kind::Sat) {
      out_.status = Status::Violated;
      out_.action = name_;
      out_.rule = rp.id;
      out_.message = "action `" + name_ + "`: " + what + " (no counterexample request could be built: " + q.reason + ")";
      return;
    }
    explain(a, q, what);
    if (out_.rule.empty()) out_.rule = rp.id;
  }

  void explain(uint32_t a, const QueryResult& q, const std::string& what) {
    ActionModel& m = s_.model(a);
    out_.status = Status::Violated;
    out_.action = name_;
    RenderedRequest rendered = renderRequest(m.req, *q.model);
    out_.counterexample = rendered.request;
    BothDecisions both = decideBoth(m, b_.model(a), rendered.request, timeoutMs_);
    out_.sourceDecision = both.source;
    out_.bytecodeDecision = both.bytecode;
    std::string ruleText;
    for (const RuleOutcome& r : both.rules) {
      if (r.source == r.bytecode) continue;
      out_.rule = r.id;
      auto text = [](int v) { return v < 0 ? "is absent" : v ? "matches" : "does not match"; };
      ruleText = "; rule `" + r.id + "` " + text(r.source) + " in the source and " + text(r.bytecode) +
                 " in the bytecode";
      break;
    }
    bool shows = both.source != both.bytecode || !ruleText.empty();
    // The rendered request itself is replayed, so an approximate rendering
    // still counts when the replay shows the difference.
    out_.confirmed = both.determined && both.error.empty() && shows;
    out_.message = "action `" + name_ + "`: " + what + ": the bundle decides " + both.bytecode +
                   " where the policy decides " + both.source + ruleText;
    if (!out_.confirmed)
      out_.message += rendered.exact ? " (the counterexample could not be confirmed by replaying it" +
                                           (both.error.empty() ? std::string(")") : ": " + both.error + ")")
                                     : " (counterexample approximate: " + rendered.problem + ")";
  }

  BundleSession& b_;
  Session& s_;
  TranslationResult& out_;
  unsigned timeoutMs_;
  std::string name_;
};

}  // namespace

TranslationResult validateTranslation(const sema::CheckedPolicy& policy, std::shared_ptr<const Bundle> bundle,
                                      unsigned timeoutMs) {
  TranslationResult out;
  VerifyOptions o;
  o.timeoutMs = timeoutMs;
  Session s(policy, o);
  BundleSession b(s, std::move(bundle));
  if (!b.matches()) {
    out.status = Status::Violated;
    out.message = "the bundle's tables differ from the policy: " + b.mismatch();
    return out;
  }
  Validator v(b, out, timeoutMs);
  for (uint32_t a = 0; a < policy.schema.actions.size(); ++a)
    if (!v.action(a)) return out;
  if (!v.unknownWhy.empty()) {
    out.status = Status::Unknown;
    out.message = "could not prove the bundle equal to the policy: " + v.unknownWhy;
    return out;
  }
  out.status = Status::Proved;
  out.message = "the bundle decides every request of its " + std::to_string(out.actions) +
                " action(s) exactly as the policy does";
  return out;
}

}  // namespace agentpol::verify::bytecode
