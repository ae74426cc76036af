// session.h — the shared state of one verification run over one policy:
// the Z3Env, one ActionModel and one Prover per action (built on first use
// and shared by every check), and helpers the checks have in common
// (timing, counterexample rendering + confirmation through the prover,
// rule-id lists).
#pragma once

#include <chrono>
#include <map>
#include <memory>

#include "verify/check_result.h"
#include "verify/counterexample.h"
#include "verify/prover.h"
#include "verify/vm_replay.h"

namespace agentpol::verify {

class Session {
 public:
  Session(const sema::CheckedPolicy& policy, const VerifyOptions& options);

  const sema::CheckedPolicy& policy() const { return policy_; }
  const VerifyOptions& options() const { return options_; }
  Z3Env& env() { return env_; }
  ActionModel& model(uint32_t action);
  Prover& prover(uint32_t action);

  // Runs `query` on action `action` (declared agents only), timing it into
  // `result.millis`; `want` says what the answer must carry (Prover::find).
  QueryResult find(uint32_t action, const z3::expr& query, CheckResult& result, FindOptions want = {});
  // Fills result.counterexample from a Sat answer and confirms it: the
  // rendered request, pinned back into the encoding, must entail `violation`.
  void attachCounterexample(uint32_t action, const QueryResult& q, const z3::expr& violation, CheckResult& result);
  // The runtime VM on the policy's bundle, for trying candidates cheaply.
  VmReplay& vm() { return vm_; }
  std::vector<std::string> ruleIds(const std::vector<uint32_t>& rules) const;
  // `query` for requests by agent index `agent` of the domain (its size:
  // another name): agentSel == agent, substituted into `query` and
  // simplified, so rules that do not name the agent drop out of its cone.
  z3::expr forAgent(uint32_t action, const z3::expr& query, int agent);

 private:
  const sema::CheckedPolicy& policy_;
  VerifyOptions options_;
  Z3Env env_;
  AgentDomain agents_;
  std::map<uint32_t, std::unique_ptr<ActionModel>> models_;
  std::map<uint32_t, std::unique_ptr<Prover>> provers_;
  VmReplay vm_;
  bool confirm(uint32_t action, const nlohmann::json& request, const z3::expr& violation);
};

// Accumulates the outcome of one property over several actions: the first
// violation wins; otherwise any unknown makes it unknown; else proved with
// the union of the unsat cores.
struct Accumulator {
  bool violated = false, unknown = false;
  std::vector<uint32_t> core;
  std::string unknownWhy;
  void unsat(const QueryResult& q) { core.insert(core.end(), q.coreRules.begin(), q.coreRules.end()); }
  Status status() const { return violated ? Status::Violated : unknown ? Status::Unknown : Status::Proved; }
  void fail(const std::string& why) {
    if (!unknown) unknownWhy = why;
    unknown = true;
  }
};

}  // namespace agentpol::verify
