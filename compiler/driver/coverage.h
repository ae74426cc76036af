// coverage.h — `agentpolc test --coverage` (spec 9): which outcomes the test
// cases exercised, counted from the runtime's traces of the bytecode run
// (agentpol/trace.h: the debug table maps code offsets to rules and parts).
// Outcomes: per rule, matched / applicable but not matched; per condition
// part (a top-level `&&`-operand of `when` or `unless`), seen true / seen
// false. A part that errored or was never reached counts for neither; a
// rule without a condition has only `matched`.
#pragma once

#include <cstddef>
#include <ostream>
#include <vector>

#include <agentpol/trace.h>
#include <nlohmann/json.hpp>

namespace agentpol::driver {

class Coverage {
 public:
  explicit Coverage(const Bundle& bundle);

  // Decides `request` once more under the tracer and counts what ran;
  // `decided` is the case's decision (a revoked agent: nothing runs).
  void add(Request& request, const Result& decided);

  size_t outcomes() const;
  size_t covered() const;
  double percent() const;  // 100 when there is nothing to cover

  // Per rule its file:line, applicable and matched counts and every outcome
  // never seen (with the part's text and file:line:col), then
  // `coverage: C of T outcomes (P%)`.
  void printText(std::ostream& out) const;
  nlohmann::ordered_json toJson() const;

 private:
  struct PartCount {
    size_t seenTrue = 0, seenFalse = 0;
  };
  struct RuleCount {
    size_t applicable = 0, matched = 0;
    std::vector<PartCount> parts;
  };
  bool unconditional(size_t rule) const;

  const Bundle& bundle_;
  std::vector<RuleCount> rules_;
};

}  // namespace agentpol::driver
