// prover.h — runs one query against the constraints of one or more
// ActionModels in a shared solver: push, assert the query and the tracked
// definitions of the rules in its cone of influence (the rules whose match
// variables it mentions), check with those trackers as assumptions and the
// per-check timeout, pop. `sat` gives, when asked, a model re-solved under
// readability preferences (non-empty entity ids, times in years 1..9999,
// non-negative durations, printable ASCII strings, ids that say their type
// such as `order-1`, `now` at --today's noon, when possible) and
// extended to every rule outside the cone; `unsat` gives the rules of an
// unsat core, shrunk to a minimal one within the timeout; anything else is
// unknown. docs/verification.md argues why slicing is sound.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "verify/action_model.h"
#include "verify/status.h"

namespace agentpol::verify {

struct QueryResult {
  enum class Kind { Sat, Unsat, Unknown } kind = Kind::Unknown;
  std::optional<z3::model> model;  // Sat, when asked for (FindOptions::model)
  std::vector<uint32_t> coreRules; // Unsat: rules whose definitions the proof used (sorted, unique)
  bool coreMinimal = false;        // Unsat: no rule of coreRules can be left out (shrinking finished)
  size_t coneRules = 0;            // rule definitions the query was checked with
  std::string reason;              // Unknown: why
};

// What a query's answer must carry besides its kind (Prover::find).
enum class ModelWanted {
  None,      // Sat needs no model: the query only proves something exists
  Witness,   // Sat keeps the solver's model of the sliced query, as is (cheap;
             // for evaluating other terms of the cone in it, never rendered)
  Readable,  // Sat gives a model of the whole encoding under the readability
             // preferences: it becomes a counterexample
};
enum class CoreWanted {
  AsGiven,   // an Unsat core as Z3 returns it (not reported, or not needed minimal)
  Minimal,   // an Unsat core that will be reported: shrink it (ProverOptions::minimizeCores)
};
struct FindOptions {
  ModelWanted model = ModelWanted::Readable;
  CoreWanted core = CoreWanted::Minimal;
};
// The common combinations.
inline constexpr FindOptions kCounterexample{ModelWanted::Readable, CoreWanted::AsGiven};  // Sat is what is reported
inline constexpr FindOptions kExistence{ModelWanted::None, CoreWanted::AsGiven};           // only the kind matters
inline constexpr FindOptions kProofCore{ModelWanted::None, CoreWanted::Minimal};           // Unsat is what is reported

struct ProverOptions {
  unsigned timeoutMs = 10000;  // per solver check; shrinking one core gets at most this much in all
  bool slice = true;           // false: every query carries every rule's definition (for tests)
  bool minimizeCores = true;   // false: cores as Z3 returns them (for tests)
  // Counterexamples prefer `now` at this time (epoch seconds; --today's
  // noon), when the query allows it; none: no preference.
  std::optional<int64_t> preferredNow;
};

// The `now` counterexamples prefer for a --today (epoch seconds, midnight
// UTC): that day's noon, far from both day boundaries.
inline int64_t preferredNowFor(int64_t today) { return today + 12 * 3600; }

class Prover {
 public:
  Prover(Z3Env& env, ProverOptions options);
  Prover(Z3Env& env, unsigned timeoutMs) : Prover(env, ProverOptions{timeoutMs}) {}
  void add(ActionModel& model);

  // Is `query` satisfiable together with the models' constraints? With
  // ModelWanted::Readable, a Sat answer comes with a model of the *whole*
  // encoding (every rule's match variable equals its definition, so any term
  // of the models can be evaluated in it), re-solved under the readability
  // preferences; with Witness, the solver's model of the sliced query (terms
  // of the query's cone evaluate faithfully in it); with None there is no
  // model. With CoreWanted::Minimal (and the option on), an Unsat core is shrunk.
  QueryResult find(const z3::expr& query, FindOptions want = {});

 private:
  struct Slot {
    size_t model, entry;        // models_[model]->rules[entry]
    std::vector<size_t> needs;  // slots whose match variables its definition mentions
    bool walked = false;        // `needs` computed
  };

  void sync();
  // Adds to `cone` (once each, with `in` marking membership) the slots whose
  // match variables occur in `e`, and transitively those their definitions use.
  void collect(const z3::expr& e, std::vector<size_t>& cone, std::vector<char>& in);
  void matchVarsIn(Z3_ast root, std::vector<size_t>& out) const;
  const RuleEntry& entryOf(size_t slot) const { return models_[slots_[slot].model]->rules[slots_[slot].entry]; }
  z3::check_result check(const z3::expr_vector& assumptions, unsigned timeoutMs);
  void shrinkCore(std::vector<size_t> cone, const z3::expr_vector& core, QueryResult& out);
  void prefer(std::vector<z3::expr>& needed, std::vector<z3::expr>& cosmetic);
  void preferNames(std::vector<z3::expr>& ids, std::vector<z3::expr>& now);
  void polish(z3::model& m, const std::vector<z3::expr>& prefs, const z3::expr_vector& assumptions);
  bool settle(z3::model& m, const std::vector<z3::expr>& prefs, const z3::expr_vector& assumptions,
              unsigned budgetMs);
  z3::model readable(z3::model first, const z3::expr_vector& assumptions);
  void extend(z3::model& m, const std::vector<char>& inCone, std::vector<size_t>& unsettled);

  Z3Env& env_;
  ProverOptions options_;
  z3::solver solver_;
  std::optional<unsigned> solverTimeout_;        // the timeout currently set on solver_, if known
  std::vector<ActionModel*> models_;
  std::vector<size_t> synced_;                   // per model: domain constraints asserted so far
  std::vector<Slot> slots_;                      // every rule entry of every model
  std::unordered_map<unsigned, size_t> byVar_;   // match variable's AST id -> slot
  std::unordered_map<unsigned, size_t> byTracker_;  // tracker's AST id -> slot
  std::vector<size_t> always_;                   // slots the domain constraints mention
};

}  // namespace agentpol::verify
