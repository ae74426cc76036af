// verifier.cpp — runs the checks in a fixed order over one shared Session
// (one Z3 context, one model and solver per action, reused by every check).
#include "verify/verifier.h"

#include <memory>
#include <vector>

#include "verify/checks.h"

namespace agentpol::verify {

namespace {

// Sessions kept for the process's lifetime (VerifyOptions::releaseSolver);
// reachable from here, so they are not leaks.
std::vector<Session*>& kept() {
  static auto* sessions = new std::vector<Session*>;
  return *sessions;
}

}  // namespace

VerifyReport verifyPolicy(const sema::CheckedPolicy& policy, const VerifyOptions& options) {
  auto owned = std::make_unique<Session>(policy, options);
  Session& s = *owned;
  if (!options.releaseSolver) kept().push_back(owned.release());
  VerifyReport report;
  auto append = [&](std::vector<CheckResult> v) {
    for (CheckResult& c : v) report.checks.push_back(std::move(c));
  };
  append(checkInventory(s));
  report.checks.push_back(checkDelegation(s));
  append(checkScope(s));
  std::vector<CheckResult> dead = checkDeadRules(s);
  append(checkShadowed(s, dead));
  append(std::move(dead));
  append(checkAsserts(s));
  return report;
}

}  // namespace agentpol::verify
