// trace.cpp — trace_decision (agentpol/trace.h): decides, then runs each
// applicable rule's block under a PartProbe that records, from the debug
// table's code ranges, the value each part left on the stack (or that the
// block failed inside it). A constant part counts as evaluated when the part
// before it held (parts are evaluated left to right, `unless` after `when`).
#include "api/access.h"
#include "vm/interp.h"

#include <agentpol/trace.h>

#include <algorithm>

namespace agentpol {
namespace {

using detail::Eval;

class PartProbe : public detail::BlockProbe {
 public:
  PartProbe(const std::vector<PartCode>& codes, size_t parts) : codes_(codes), out_(parts, PartOutcome::NotRun) {}

  void step(ptrdiff_t from, ptrdiff_t to, const Val* stack, const Val* sp) override {
    for (const PartCode& c : codes_) {
      if (c.kind != PartKind::Code || to != c.end || from < c.start || from >= c.end || sp <= stack) continue;
      bool v = (sp[-1].n != 0) != c.invert;
      out_[c.part] = v ? PartOutcome::True : PartOutcome::False;
    }
  }
  void end(ptrdiff_t at, Eval result) override {
    if (result != Eval::Error) return;
    for (const PartCode& c : codes_)
      if (c.kind == PartKind::Code && at >= c.start && at < c.end) out_[c.part] = PartOutcome::Error;
  }

  std::vector<PartOutcome> finish() {
    for (const PartCode& c : codes_) {
      if (c.kind == PartKind::Code) continue;
      bool reached = c.part == 0 || out_[c.part - 1] == PartOutcome::True;
      if (reached) out_[c.part] = c.kind == PartKind::True ? PartOutcome::True : PartOutcome::False;
    }
    return std::move(out_);
  }

 private:
  const std::vector<PartCode>& codes_;
  std::vector<PartOutcome> out_;
};

bool decided_before_rules(Reason r) {
  return r == Reason::BadRequest || r == Reason::Revoked || r == Reason::UnknownAgent || r == Reason::AgentExpired ||
         r == Reason::OutOfScope || r == Reason::AuditFailed;
}

}  // namespace

std::vector<RuleTrace> trace_decision(const Bundle& bundle, Request& request, const DecideOptions& options,
                                      Result* decision) {
  *decision = decide(bundle, request, options);
  std::vector<RuleTrace> out;
  if (decided_before_rules(decision->reason)) return out;
  const detail::BundleData& b = detail::bundle_data(bundle);
  const detail::RequestData& r = detail::request_data(request);
  uint32_t a = r.action;
  uint32_t g = bundle.agent(detail::as_view(r.ents[static_cast<size_t>(r.agent)].id)).index;
  std::vector<const detail::Span*> spans;
  for (unsigned e = 0; e < 3; ++e) {
    spans.push_back(&b.wild_index[a * 3 + e]);
    if (g != kNone) spans.push_back(&b.named_index[(a * b.image.agents.size() + g) * 3 + e]);
    if (r.user >= 0) spans.push_back(&b.user_index[a * 3 + e]);
  }
  std::vector<detail::RuleRef> refs;
  for (const detail::Span* s : spans) refs.insert(refs.end(), b.refs.begin() + s->begin, b.refs.begin() + s->end);
  std::sort(refs.begin(), refs.end(), [](const detail::RuleRef& x, const detail::RuleRef& y) { return x.rule < y.rule; });
  detail::Env env = detail::make_env(b, r);
  static const std::vector<PartCode> kNoCodes;
  for (const detail::RuleRef& ref : refs) {
    const RuleImage& rule = b.image.rules[ref.rule];
    const std::vector<PartCode>* codes = &kNoCodes;
    size_t parts = 0;
    if (!b.image.debug.empty()) {
      const RuleDebugImage& dbg = b.image.debug[ref.rule];
      for (size_t i = 0; i < rule.bodies.size(); ++i)
        if (rule.bodies[i].action == a) codes = &dbg.bodies[i];
      parts = dbg.parts.size();
    }
    PartProbe probe(*codes, parts);
    Eval v = detail::run_traced(b.code[ref.code], env, probe);
    RuleTrace t;
    t.rule = ref.rule;
    t.error = v == Eval::Error;
    t.matched = rule.effect == Effect::Permit ? v == Eval::True : v != Eval::False;
    t.parts = probe.finish();
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace agentpol
