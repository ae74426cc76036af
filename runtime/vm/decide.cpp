// decide.cpp — the decision procedure of spec 6.1/6.2: bad_request, revoked,
// unknown_agent, agent_expired, out_of_scope, then the agent side and (with a
// user) the user side, each forbid > escalate > permit > no_permit, combined
// as the weaker of the two. Errors fail closed: a permit that errors does not
// match, a forbid or escalate that errors does. Entry: decide().
#include "api/access.h"

#include <agentpol/decide.h>

namespace agentpol {

using detail::RequestData;
using detail::Span;

const char* to_string(Decision d) {
  switch (d) {
    case Decision::Allow: return "allow";
    case Decision::Escalate: return "escalate";
    case Decision::Deny: return "deny";
  }
  return "deny";
}

const char* to_string(Reason r) {
  static const char* const kNames[] = {
      "permitted", "escalated", "user_escalated", "revoked", "unknown_agent", "agent_expired",
      "out_of_scope", "forbidden", "no_permit", "user_forbidden", "user_no_permit", "bad_request", "audit_failed"};
  unsigned i = static_cast<unsigned>(r);
  return i < sizeof(kNames) / sizeof(kNames[0]) ? kNames[i] : "bad_request";
}

namespace {

struct SideResult {
  Decision decision;
  bool forbidden;  // deny by a forbid (else no_permit)
  size_t begin, end;  // matching rules in d.hits
};

// Evaluates the effect groups of up to two index lists (e.g. `agent *` and
// the named agent) in the order forbid, escalate, permit.
SideResult decide_side(const detail::BundleData& b, const detail::Env& env, RequestData& r,
                       const Span* lists[2]) {
  static const Effect kOrder[3] = {Effect::Forbid, Effect::Escalate, Effect::Permit};
  for (Effect eff : kOrder) {
    size_t begin = r.hits.size();
    unsigned e = static_cast<unsigned>(eff);
    for (int l = 0; l < 2; ++l) {
      if (!lists[l]) continue;
      const Span& s = lists[l][e];
      if (s.begin != s.end) detail::run_span(b, s, env, eff == Effect::Permit, &r.hits);
    }
    if (r.hits.size() == begin) continue;
    Decision d = eff == Effect::Forbid ? Decision::Deny : eff == Effect::Escalate ? Decision::Escalate : Decision::Allow;
    return SideResult{d, eff == Effect::Forbid, begin, r.hits.size()};
  }
  return SideResult{Decision::Deny, false, r.hits.size(), r.hits.size()};
}

Result finish(Result res, const RequestData& r, const SideResult& s, Reason reason) {
  res.decision = s.decision;
  res.reason = reason;
  res.rules = r.hits.data() + s.begin;
  res.rule_count = s.end - s.begin;
  return res;
}

Reason deny_reason(const SideResult& s, bool user) {
  if (user) return s.forbidden ? Reason::UserForbidden : Reason::UserNoPermit;
  return s.forbidden ? Reason::Forbidden : Reason::NoPermit;
}

Result combine(Result res, const RequestData& r, const SideResult& a, const SideResult* u) {
  if (a.decision == Decision::Deny) return finish(res, r, a, deny_reason(a, false));
  if (!u) return finish(res, r, a, a.decision == Decision::Allow ? Reason::Permitted : Reason::Escalated);
  if (u->decision == Decision::Deny) return finish(res, r, *u, deny_reason(*u, true));
  if (a.decision == Decision::Allow && u->decision == Decision::Escalate)
    return finish(res, r, *u, Reason::UserEscalated);
  if (a.decision == Decision::Escalate && u->decision == Decision::Allow)
    return finish(res, r, a, Reason::Escalated);
  // both allow or both escalate: both sides' rules (contiguous in hits)
  SideResult both{a.decision, false, a.begin, u->end};
  return finish(res, r, both, a.decision == Decision::Allow ? Reason::Permitted : Reason::Escalated);
}

Result early(Result res, Reason reason) {
  res.decision = Decision::Deny;
  res.reason = reason;
  return res;
}

Result decide_sides(const Bundle& bundle, RequestData& r, Result res, uint32_t g) {
  const detail::BundleData& b = detail::bundle_data(bundle);
  size_t ng = b.image.agents.size();
  uint32_t a = r.action;
  detail::Env env = detail::make_env(b, r);
  const Span* agent_lists[2] = {&b.wild_index[a * 3], g != kNone ? &b.named_index[(a * ng + g) * 3] : nullptr};
  SideResult as = decide_side(b, env, r, agent_lists);
  if (as.decision == Decision::Deny || r.user < 0) return combine(res, r, as, nullptr);
  const Span* user_lists[2] = {&b.user_index[a * 3], nullptr};
  SideResult us = decide_side(b, env, r, user_lists);
  return combine(res, r, as, &us);
}

}  // namespace

Result decide(const Bundle& bundle, Request& request, const DecideOptions& options) {
  RequestData& r = detail::request_data(request);
  const detail::BundleData& b = detail::bundle_data(bundle);
  Result res;
  res.bundle = &bundle;
  r.hits.clear();
  if (r.hits.capacity() < b.image.rules.size()) r.hits.reserve(b.image.rules.size());
  if (!detail::seal_request(r)) {
    res.message = r.error;
    return early(res, Reason::BadRequest);
  }
  if (bundle.schema_hash() != r.sd->schema_hash) {
    res.message = "the request was built for another bundle schema";
    return early(res, Reason::BadRequest);
  }
  if (options.revoked) return early(res, Reason::Revoked);
  uint32_t g = r.agent_index;
  if (&bundle != r.schema.get()) g = bundle.agent(detail::as_view(r.ents[static_cast<size_t>(r.agent)].id)).index;
  if (!b.image.agents.empty() && g == kNone) return early(res, Reason::UnknownAgent);
  if (g != kNone) {
    const AgentImage& ag = b.image.agents[g];
    if (ag.expires && *ag.expires <= r.now) return early(res, Reason::AgentExpired);
    if (!b.may[g * b.image.actions.size() + r.action]) return early(res, Reason::OutOfScope);
  }
  return decide_sides(bundle, r, res, g);
}

}  // namespace agentpol
