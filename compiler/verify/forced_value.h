// forced_value.h — the values a solver's assertions force on Bool and small
// Int terms (e.g. the decision, reason and rule hits once a concrete request
// is pinned). A model only proposes values — Z3 4.8.12 models may leave set
// operations (array maps, selects) unreduced, and evaluating a compound set
// term in a model can even give the wrong literal — so a value counts only
// once the solver proved that the term cannot take another. Used by
// concrete_request.cpp and bytecode/concrete_outcome.cpp. Entry: readForced.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <z3++.h>

namespace agentpol::verify {

// Reads terms against the solver's current assertions (kept unchanged while
// in use). Any failure — a term with no value in its range, a term that can
// take two values, a solver `unknown` — makes the reads fail with error()
// naming the term; later reads then give nullopt.
class ForcedValues {
 public:
  // `model`: values are proposed by it and proved together by confirm();
  // none: each value is proved forced when read (queries per term).
  ForcedValues(z3::solver& s, std::optional<z3::model> model) : s_(s), model_(std::move(model)) {}

  std::optional<bool> boolean(const z3::expr& term, const std::string& name);
  // An Int term whose values of interest are lo..hi (another is a failure).
  std::optional<int64_t> integer(const z3::expr& term, const std::string& name, int64_t lo, int64_t hi);

  // With a model: one query proves every value read so far forced. False
  // when that fails; misread() then says whether a term is in fact forced
  // to another value than the model's (read again without the model).
  bool confirm();
  bool misread() const { return misread_; }
  const std::string& error() const { return error_; }

 private:
  struct Read {
    z3::expr term, value;
    std::string name;
  };
  void fail(const std::string& why);
  bool possible(const z3::expr& assumption, const std::string& name, bool* out);
  bool forced(const z3::expr& term, const z3::expr& value, const std::string& name, bool* out);
  void diagnose();

  z3::solver& s_;
  std::optional<z3::model> model_;
  std::vector<Read> reads_;
  std::string error_;
  bool misread_ = false;
};

// Checks the solver and runs `read` with values proposed by the model; when
// the model misread a term, runs `read` again proving each value from the
// solver alone. True when every value `read` obtained is forced; otherwise
// `error` says why (not satisfiable, unknown, or which term is open). `read`
// must start its output afresh on each call.
bool readForced(z3::solver& s, const std::function<void(ForcedValues&)>& read, std::string& error);

}  // namespace agentpol::verify
