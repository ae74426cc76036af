// inventory.cpp — per agent × action reachability of allow/escalate through
// the shared Session, and the JSON/text renderings of the inventory.
#include "verify/inventory.h"

#include <fmt/format.h>

#include "verify/counterexample.h"
#include "verify/session.h"

namespace agentpol::verify {

using json = nlohmann::json;

std::vector<AgentInventory> computeInventory(const sema::CheckedPolicy& p, int64_t today, unsigned timeoutMs) {
  VerifyOptions o;
  o.today = today;
  o.timeoutMs = timeoutMs;
  Session s(p, o);
  std::vector<AgentInventory> out;
  for (const sema::AgentInfo& g : p.schema.agents) {
    AgentInventory a;
    a.name = g.name;
    a.owner = g.owner;
    a.purpose = g.purpose;
    a.reviewed = g.reviewed;
    if (g.reviewed) a.reviewAgeDays = (today - *g.reviewed) / 86400;
    a.expires = g.expires;
    a.hasScope = g.hasScope;
    for (uint32_t m : g.may) a.may.push_back(p.schema.actions[m].name);
    for (uint32_t act = 0; act < p.schema.actions.size(); ++act) {
      ActionModel& m = s.model(act);
      CheckResult scratch;
      const DecisionTerms& d = *m.decision;
      QueryResult q = s.find(act, m.req.agentIs(g.name) && (d.allowed || d.escalated), scratch, kExistence);
      const std::string& name = p.schema.actions[act].name;
      if (q.kind == QueryResult::Kind::Unsat) continue;
      if (q.kind == QueryResult::Kind::Unknown || !m.complete()) {
        a.undecided.push_back(name);
        continue;
      }
      a.actions.push_back(name);
      QueryResult qa = s.find(act, m.req.agentIs(g.name) && d.allowed, scratch, kExistence);
      if (qa.kind == QueryResult::Kind::Sat) a.allowed.push_back(name);
    }
    out.push_back(std::move(a));
  }
  return out;
}

json inventoryJson(const std::vector<AgentInventory>& inv) {
  json agents = json::array();
  for (const AgentInventory& a : inv) {
    json o{{"name", a.name}, {"owner", a.owner}, {"purpose", a.purpose}};
    o["reviewed"] = a.reviewed ? json(formatTime(*a.reviewed)) : json(nullptr);
    o["review_age_days"] = a.reviewAgeDays ? json(*a.reviewAgeDays) : json(nullptr);
    o["expires"] = a.expires ? json(formatTime(*a.expires)) : json(nullptr);
    o["may"] = a.hasScope ? json(a.may) : json(nullptr);
    o["actions"] = a.actions;
    o["allowed"] = a.allowed;
    if (!a.undecided.empty()) o["undecided"] = a.undecided;
    agents.push_back(std::move(o));
  }
  return json{{"agents", agents}};
}

std::string inventoryText(const std::vector<AgentInventory>& inv) {
  std::string out;
  auto list = [](const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
    return s.empty() ? std::string("(none)") : s;
  };
  for (const AgentInventory& a : inv) {
    out += fmt::format("{}\n  owner:    {}\n  purpose:  {}\n", a.name, a.owner, a.purpose);
    out += fmt::format("  reviewed: {}\n", a.reviewed ? fmt::format("{} ({} days ago)", formatTime(*a.reviewed).substr(0, 10),
                                                                    *a.reviewAgeDays)
                                                      : std::string("never"));
    out += fmt::format("  expires:  {}\n", a.expires ? formatTime(*a.expires) : std::string("never"));
    out += fmt::format("  may:      {}\n", a.hasScope ? list(a.may) : std::string("(no scope: any action)"));
    out += fmt::format("  can be allowed or escalated: {}\n", list(a.actions));
    if (!a.undecided.empty()) out += fmt::format("  undecided: {}\n", list(a.undecided));
  }
  return out;
}

}  // namespace agentpol::verify
