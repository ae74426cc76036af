// verifier.cpp — runs the checks as a fixed list of batches (inventory;
// delegation; scope; dead-rule with shadowed, per span of about 128 rules;
// the asserts), each on its own Session (its own Z3 context, models and
// solvers), on up to VerifyOptions::jobs worker threads, and merges the
// results in the fixed order. A batch's answers depend only on the batch, never on which thread
// ran it or what ran before it, so the report is the same for every
// --jobs (docs/verification.md, "Several cores").
#include "verify/verifier.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
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
std::mutex& keptLock() {
  static auto* m = new std::mutex;
  return *m;
}

// Where a batch's results go in the report, in report order.
enum Section { kInventory, kDelegation, kScope, kShadowed, kDead, kAsserts, kSections };
using Results = std::vector<std::vector<CheckResult>>;  // by Section
using Batch = std::function<Results(Session&)>;

// Rules per dead-rule/shadowed batch (about; the rules are split evenly).
constexpr uint32_t kRulesPerBatch = 128;

// The batches, in report order within each section. They depend on the
// policy only (never on --jobs), so every --jobs runs the same queries on
// the same sessions. Shadowed needs dead-rule's results for its rules, so
// each span of rules is one batch of both.
std::vector<Batch> batches(const sema::CheckedPolicy& policy) {
  auto one = [](Section at, std::vector<CheckResult> v) {
    Results r(kSections);
    r[at] = std::move(v);
    return r;
  };
  std::vector<Batch> out{
      [one](Session& s) { return one(kInventory, checkInventory(s)); },
      [one](Session& s) { return one(kDelegation, {checkDelegation(s)}); },
      [one](Session& s) { return one(kScope, checkScope(s)); },
  };
  uint32_t rules = static_cast<uint32_t>(policy.rules.size());
  uint32_t parts = std::max<uint32_t>(1, (rules + kRulesPerBatch - 1) / kRulesPerBatch);
  for (uint32_t i = 0; i < parts; ++i) {
    RuleSpan span{static_cast<uint32_t>(uint64_t{rules} * i / parts),
                  static_cast<uint32_t>(uint64_t{rules} * (i + 1) / parts)};
    out.push_back([span](Session& s) {
      Results r(kSections);
      r[kDead] = checkDeadRules(s, span);
      r[kShadowed] = checkShadowed(s, r[kDead], span);
      return r;
    });
  }
  out.push_back([one](Session& s) { return one(kAsserts, checkAsserts(s)); });
  return out;
}

Results runBatch(const Batch& batch, const sema::CheckedPolicy& policy, const VerifyOptions& options) {
  auto owned = std::make_unique<Session>(policy, options);
  Results out = batch(*owned);
  if (!options.releaseSolver) {
    std::lock_guard<std::mutex> hold(keptLock());
    kept().push_back(owned.release());
  }
  return out;
}

}  // namespace

VerifyReport verifyPolicy(const sema::CheckedPolicy& policy, const VerifyOptions& options) {
  std::vector<Batch> work = batches(policy);
  std::vector<Results> results(work.size());
  std::vector<std::exception_ptr> failures(work.size());
  std::atomic<size_t> next{0};
  // Each worker takes the next batch not yet taken; a batch's results go to
  // its own slot, so the order of completion does not matter.
  auto worker = [&] {
    for (size_t i = next++; i < work.size(); i = next++) {
      try {
        results[i] = runBatch(work[i], policy, options);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  };
  size_t threads = std::min<size_t>(std::max(1u, options.jobs), work.size());
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (std::thread& t : pool) t.join();
  }
  for (const std::exception_ptr& e : failures)
    if (e) std::rethrow_exception(e);
  VerifyReport report;
  for (int at = 0; at < kSections; ++at)
    for (Results& r : results)
      for (CheckResult& c : r[at]) report.checks.push_back(std::move(c));
  return report;
}

}  // namespace agentpol::verify
