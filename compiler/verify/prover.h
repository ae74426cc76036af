// prover.h — runs one query against the constraints of one or more
// ActionModels in a shared solver: push, assert, check (with the rule
// trackers as assumptions and the per-check timeout), pop. `sat` gives a
// model (re-solved once under readability preferences: printable ASCII
// strings, non-empty entity ids, times in years 1..9999, non-negative
// durations, when possible);
// `unsat` gives the rules in the unsat core; anything else is unknown.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "verify/action_model.h"

namespace agentpol::verify {

enum class Status { Proved, Violated, Unknown };
const char* statusName(Status s);

struct QueryResult {
  enum class Kind { Sat, Unsat, Unknown } kind = Kind::Unknown;
  std::optional<z3::model> model;  // Sat
  std::vector<uint32_t> coreRules; // Unsat: rules whose definitions the proof used (sorted, unique)
  std::string reason;              // Unknown: why
};

class Prover {
 public:
  Prover(Z3Env& env, unsigned timeoutMs);
  void add(ActionModel& model);

  // Is `query` satisfiable together with the models' constraints? With
  // `readable`, a Sat model is re-solved under the readability preferences
  // (for counterexamples; witnesses that only prove something skip it).
  QueryResult find(const z3::expr& query, bool readable = true);

 private:
  void sync();
  void prefer(std::vector<z3::expr>& out);

  Z3Env& env_;
  z3::solver solver_;
  std::vector<ActionModel*> models_;
  std::vector<size_t> synced_;  // per model: domain constraints asserted so far
  std::vector<bool> defined_;   // per model: rule definitions asserted
};

}  // namespace agentpol::verify
