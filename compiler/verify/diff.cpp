// diff.cpp — encodes OLD and NEW over one request space per action and asks
// for requests newly allowed, newly escalated and newly denied; renders the
// result as JSON or text.
#include "verify/diff.h"

#include <fmt/format.h>

#include "verify/counterexample.h"
#include "verify/decision_encoding.h"
#include "verify/prover.h"

namespace agentpol::verify {

using json = nlohmann::json;

bool DiffReport::changed() const {
  for (const ActionDiff& a : actions)
    if (a.changed) return true;
  return false;
}
bool DiffReport::opens() const {
  for (const ActionDiff& a : actions)
    if (a.opens) return true;
  return false;
}
bool DiffReport::unknown() const {
  for (const ActionDiff& a : actions)
    if (a.unknown) return true;
  return false;
}

namespace {

std::string signature(const sema::ActionInfo& a) {
  std::string s = "(";
  for (const sema::Field& f : a.params) s += f.name + ":" + f.type->str() + ",";
  s += "){";
  for (const sema::Field& f : a.args) s += f.name + (f.optional ? "?:" : ":") + f.type->str() + ",";
  return s + "}";
}

AgentDomain unionDomain(const sema::Schema& a, const sema::Schema& b) {
  AgentDomain d = AgentDomain::of(a);
  for (const sema::AgentInfo& g : b.agents)
    if (d.indexOf(g.name) < 0) d.names.push_back(g.name);
  return d;
}

std::string decisionAt(const z3::model& m, const z3::expr& d) {
  int64_t v = 0;
  toI64(m.eval(d, true), v);
  return to_string(static_cast<Decision>(v));
}

// Runs the three "newly" queries (and the opening query) over `from` -> `to`
// decisions, rendering examples with `render`.
void compare(Prover& prover, ActionModel& render, const z3::expr& from, const z3::expr& to, bool incomplete,
             ActionDiff& out) {
  struct Q {
    const char* kind;
    int target;
  };
  for (Q q : {Q{"newly_allowed", 2}, Q{"newly_escalated", 1}, Q{"newly_denied", 0}}) {
    DiffChange c;
    c.kind = q.kind;
    QueryResult r = prover.find(from != q.target && to == q.target, kCounterexample);
    if (r.kind == QueryResult::Kind::Unsat) {
      c.status = Status::Proved;
    } else if (r.kind == QueryResult::Kind::Sat && !incomplete) {
      c.status = Status::Violated;
      c.example = renderRequest(render.req, *r.model).request;
      c.oldDecision = decisionAt(*r.model, from);
      c.newDecision = decisionAt(*r.model, to);
      out.changed = true;
      if (q.target == 2 || c.oldDecision == "deny") out.opens = true;
    } else {
      c.status = Status::Unknown;
      c.reason = r.kind == QueryResult::Kind::Sat ? "a construct the encoding does not cover" : r.reason;
      out.unknown = true;
    }
    out.changes.push_back(std::move(c));
  }
  // Opening beyond the examples shown (e.g. deny -> escalate when the example
  // escalated request came from allow).
  if (!out.opens) {
    QueryResult r = prover.find(to > from, kExistence);
    if (r.kind == QueryResult::Kind::Sat) out.opens = !incomplete || out.opens;
    if (r.kind == QueryResult::Kind::Unknown || (r.kind == QueryResult::Kind::Sat && incomplete)) out.unknown = true;
  }
}

}  // namespace

DiffReport diffPolicies(const sema::CheckedPolicy& oldP, const sema::CheckedPolicy& newP, unsigned timeoutMs,
                        int64_t today) {
  DiffReport report;
  ProverOptions proverOptions;
  proverOptions.timeoutMs = timeoutMs;
  if (today != 0) proverOptions.preferredNow = preferredNowFor(today);
  Z3Env env;
  AgentDomain agents = unionDomain(oldP.schema, newP.schema);
  z3::expr deny = env.ctx().int_val(0);
  for (const sema::ActionInfo& na : newP.schema.actions) {
    ActionDiff d;
    d.action = na.name;
    auto it = oldP.schema.actionIndex.find(na.name);
    uint32_t ni = newP.schema.actionIndex.lookup(na.name);
    ActionModel nm(env, newP, ni, agents, "new.");
    Prover prover(env, proverOptions);
    prover.add(nm);
    if (it == oldP.schema.actionIndex.end() || signature(oldP.schema.actions[it->second]) != signature(na)) {
      d.state = it == oldP.schema.actionIndex.end() ? "added" : "signature_changed";
      d.changed = true;
      compare(prover, nm, deny, nm.decision->decision, !nm.complete(), d);
      report.actions.push_back(std::move(d));
      continue;
    }
    d.state = "compared";
    ActionModel om(env, oldP, it->second, agents, "old.");
    prover.add(om);
    compare(prover, nm, om.decision->decision, nm.decision->decision, !nm.complete() || !om.complete(), d);
    report.actions.push_back(std::move(d));
  }
  for (const sema::ActionInfo& oa : oldP.schema.actions) {
    if (newP.schema.actionIndex.count(oa.name)) continue;
    ActionDiff d;
    d.action = oa.name;
    d.state = "removed";
    ActionModel om(env, oldP, oldP.schema.actionIndex.lookup(oa.name), agents, "old.");
    Prover prover(env, proverOptions);
    prover.add(om);
    compare(prover, om, om.decision->decision, deny, !om.complete(), d);
    d.changed = true;
    report.actions.push_back(std::move(d));
  }
  return report;
}

json diffJson(const DiffReport& r) {
  json actions = json::array();
  for (const ActionDiff& a : r.actions) {
    json changes = json::array();
    for (const DiffChange& c : a.changes) {
      if (c.status == Status::Proved) continue;
      json o{{"kind", c.kind}, {"status", c.status == Status::Violated ? "found" : "unknown"}};
      if (c.example) {
        o["old"] = c.oldDecision;
        o["new"] = c.newDecision;
        o["example"] = *c.example;
      }
      if (!c.reason.empty()) o["reason"] = c.reason;
      changes.push_back(std::move(o));
    }
    actions.push_back({{"action", a.action}, {"state", a.state}, {"changed", a.changed}, {"opens", a.opens},
                       {"changes", changes}});
  }
  return json{{"changed", r.changed()}, {"opens", r.opens()}, {"unknown", r.unknown()}, {"actions", actions}};
}

std::string diffText(const DiffReport& r) {
  std::string out;
  for (const ActionDiff& a : r.actions) {
    std::string state = a.state == "compared" ? "" : " (" + a.state + ")";
    if (!a.changed && !a.unknown) {
      out += fmt::format("= {}{}: no decision changes\n", a.action, state);
      continue;
    }
    out += fmt::format("{} {}{}:\n", a.opens ? "+" : "~", a.action, state);
    for (const DiffChange& c : a.changes) {
      if (c.status == Status::Proved) continue;
      if (c.status == Status::Unknown) {
        out += fmt::format("    {}: unknown ({})\n", c.kind, c.reason);
        continue;
      }
      out += fmt::format("    {}: e.g. {} -> {}\n", c.kind, c.oldDecision, c.newDecision);
      std::string body = c.example->dump(2);
      size_t start = 0;
      for (;;) {
        size_t nl = body.find('\n', start);
        out += "      " + body.substr(start, nl == std::string::npos ? std::string::npos : nl - start) + "\n";
        if (nl == std::string::npos) break;
        start = nl + 1;
      }
    }
  }
  out += r.changed() ? (r.opens() ? "access opened\n" : "decisions changed (no access opened)\n") : "no change\n";
  return out;
}

}  // namespace agentpol::verify
