// diff.h — `agentpolc diff OLD… -- NEW…`: per action, requests whose
// decision changes between two policy versions, each with an example
// request. Both versions are encoded over one request space (one Z3Env;
// symbols shared by name and type), agents identified by name. Actions
// present in both with the same parameters and arguments are compared;
// others are reported as added, removed or changed (signature). See
// docs/verification.md, "diff".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sema/checked_policy.h"
#include "verify/status.h"

namespace agentpol::verify {

struct DiffChange {
  std::string kind;                      // newly_allowed, newly_escalated, newly_denied
  Status status = Status::Unknown;       // Violated: such requests exist (example given); Proved: none
  std::optional<nlohmann::json> example; // a request (NEW's schema; OLD's for removed actions)
  std::string oldDecision, newDecision;  // for the example
  std::string reason;                    // unknown: why
};

struct ActionDiff {
  std::string action;
  std::string state;  // compared, added, removed, signature_changed
  std::vector<DiffChange> changes;
  bool opens = false;    // some request's decision gets stronger (deny < escalate < allow)
  bool changed = false;  // some request's decision changes, or the action came or went
  bool unknown = false;  // a query was undecided
};

struct DiffReport {
  std::vector<ActionDiff> actions;
  bool changed() const;
  bool opens() const;
  bool unknown() const;
};

// today: --today (epoch seconds, midnight UTC; 0: none): example requests
// prefer `now` on that day, as verify's counterexamples do.
DiffReport diffPolicies(const sema::CheckedPolicy& oldPolicy, const sema::CheckedPolicy& newPolicy,
                        unsigned timeoutMs, int64_t today = 0);

nlohmann::json diffJson(const DiffReport& d);
std::string diffText(const DiffReport& d);

}  // namespace agentpol::verify
