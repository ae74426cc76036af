// check_inventory.cpp — `inventory`: every agent has a `reviewed` date no
// older than --max-review-age before --today. No solver; subject = agent.
#include <fmt/format.h>

#include "verify/checks.h"

namespace agentpol::verify {

std::vector<CheckResult> checkInventory(Session& s) {
  std::vector<CheckResult> out;
  const VerifyOptions& o = s.options();
  for (const sema::AgentInfo& a : s.policy().schema.agents) {
    CheckResult r;
    r.name = r.kind = "inventory";
    r.subject = a.name;
    r.range = a.range;
    if (!a.reviewed) {
      r.status = Status::Violated;
      r.message = fmt::format("agent `{}` has no `reviewed` date", a.name);
    } else {
      int64_t age = o.today - *a.reviewed;
      bool stale = age > o.maxReviewAge;
      r.status = stale ? Status::Violated : Status::Proved;
      r.message = fmt::format("agent `{}` was reviewed {} days ago (limit {} days)", a.name, age / 86400,
                              o.maxReviewAge / 86400);
    }
    out.push_back(std::move(r));
  }
  return out;
}

SourceRange ruleRange(const sema::CheckedPolicy& p, uint32_t rule) { return p.rules[rule].range; }

}  // namespace agentpol::verify
