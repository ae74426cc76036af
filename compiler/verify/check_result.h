// check_result.h — the outcome of one check for one subject, as reported by
// `agentpolc verify` (spec section 7): name, kind, status, the rules that
// make it hold (or the covering forbids of a shadowed rule), the subject,
// and a replayable counterexample request. Plus the options of a run.
// Z3-free: the driver includes it (status.h, not prover.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ast/source_range.h"
#include "verify/status.h"

namespace agentpol::diag {
class SourceManager;
}

namespace agentpol::verify {

struct CheckResult {
  std::string name;                      // assert name, or the check kind
  std::string kind;                      // assert, delegation, scope, dead-rule, shadowed, inventory
  Status status = Status::Unknown;
  std::optional<std::vector<std::string>> rules;  // rule ids (present when meaningful)
  std::string subject;                   // rule id or agent name; empty for none
  std::optional<nlohmann::json> counterexample;   // a request (spec section 8)
  std::string message;                   // one line for humans
  SourceRange range;                     // what the check is about, for locations
  bool confirmed = false;                // the counterexample was replayed: through the encoding, or (a
                                         // request adapted from another subject's) on the runtime VM
  double millis = 0;                     // solver time spent
};

struct VerifyOptions {
  int64_t today = 0;                     // epoch seconds (midnight UTC)
  int64_t maxReviewAge = 90 * 86400;     // seconds
  unsigned timeoutMs = 10000;            // per solver query
  // Worker threads for the check batches (verifier.cpp); the report is the
  // same for every value. 1..256 (--jobs).
  unsigned jobs = 1;
  // false: the run's Z3 context is not torn down but kept until the process
  // exits (for a CLI that exits after the report: deleting a context that
  // encoded 1 000 agents and rules costs seconds, docs/performance.md).
  bool releaseSolver = true;
  bool slice = true;                     // queries carry only the rules in their cone (false: all; tests)
  bool minimizeCores = true;             // unsat cores shrunk to minimal ones (false: as Z3 gives them)
  // The sources of the policy, when at hand: messages quote source text
  // (a dead rule's contradicting parts); without them parts are named by position.
  const diag::SourceManager* sources = nullptr;
};

struct VerifyReport {
  std::vector<CheckResult> checks;
  // Worst status over all checks: violated > unknown > proved.
  Status overall() const;
};

}  // namespace agentpol::verify
