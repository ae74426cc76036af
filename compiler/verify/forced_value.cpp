// forced_value.cpp — values proposed by one model (or, for a term the model
// leaves unreduced, found with one assumption query per candidate) and then
// proved forced by a single unsat query of "some term differs"; only when
// that fails is each term asked about alone, either to name the open one or
// to find that the model misread a term (then everything is read again
// from the solver alone, each value proved as it is read).
#include "verify/forced_value.h"

#include "verify/z3_env.h"

namespace agentpol::verify {

void ForcedValues::fail(const std::string& why) {
  if (error_.empty()) error_ = why;
}

// Is `assumption` satisfiable with the assertions? False (error set) on unknown.
bool ForcedValues::possible(const z3::expr& assumption, const std::string& name, bool* out) {
  z3::expr_vector a(s_.ctx());
  a.push_back(assumption);
  z3::check_result r = s_.check(a);
  if (r == z3::unknown) {
    fail("the solver could not decide " + name + ": " + s_.reason_unknown());
    return false;
  }
  *out = r == z3::sat;
  return true;
}

// Must `term` equal `value`? False (error set) on unknown.
bool ForcedValues::forced(const z3::expr& term, const z3::expr& value, const std::string& name, bool* out) {
  bool other = false;
  if (!possible(term != value, "whether " + name + " is forced", &other)) return false;
  *out = !other;
  return true;
}

std::optional<bool> ForcedValues::boolean(const z3::expr& term, const std::string& name) {
  if (!error_.empty()) return std::nullopt;
  z3::context& c = s_.ctx();
  std::optional<bool> value;
  if (model_) {
    z3::expr v = model_->eval(term, true);
    if (v.is_true() || v.is_false()) value = v.is_true();
  }
  if (!value) {  // unreduced, or no model: true if it can be (else it is forced false)
    bool yes = false;
    if (!possible(term, name, &yes)) return std::nullopt;
    value = yes;
  }
  bool sure = true;
  if (!model_ && !forced(term, c.bool_val(*value), name, &sure)) return std::nullopt;
  if (!sure) {
    fail("the encoding leaves " + name + " open");
    return std::nullopt;
  }
  reads_.push_back(Read{term, c.bool_val(*value), name});
  return value;
}

std::optional<int64_t> ForcedValues::integer(const z3::expr& term, const std::string& name, int64_t lo, int64_t hi) {
  if (!error_.empty()) return std::nullopt;
  z3::context& c = s_.ctx();
  int64_t n = 0;
  std::optional<int64_t> value;
  if (model_ && toI64(model_->eval(term, true), n) && n >= lo && n <= hi) value = n;
  for (int64_t k = lo; !value && k <= hi; ++k) {
    bool yes = false;
    if (!possible(term == c.int_val(k), name, &yes)) return std::nullopt;
    if (yes) value = k;
  }
  if (!value) {
    fail(name + " has no possible value in its range");
    return std::nullopt;
  }
  bool sure = true;
  if (!model_ && !forced(term, c.int_val(*value), name, &sure)) return std::nullopt;
  if (!sure) {
    fail("the encoding leaves " + name + " open");
    return std::nullopt;
  }
  reads_.push_back(Read{term, c.int_val(*value), name});
  return value;
}

bool ForcedValues::confirm() {
  if (!error_.empty()) return false;
  if (!model_ || reads_.empty()) return true;  // without a model each read was proved
  z3::expr differs = s_.ctx().bool_val(false);
  for (const Read& r : reads_) differs = differs || r.term != r.value;
  bool other = false;
  if (!possible(differs, "whether the values read are forced", &other)) return false;
  if (!other) return true;
  diagnose();
  return false;
}

// Some value read is not forced: is its term open, or forced to another
// value than the model's?
void ForcedValues::diagnose() {
  for (const Read& r : reads_) {
    bool sure = false, same = false;
    if (!forced(r.term, r.value, r.name, &sure)) return;
    if (sure) continue;
    if (!possible(r.term == r.value, r.name, &same)) return;
    misread_ = !same;
    fail(same ? "the encoding leaves " + r.name + " open" : "the model misread " + r.name);
    return;
  }
  fail("the values read are not forced together");  // each alone is: the solver changed its mind
}

bool readForced(z3::solver& s, const std::function<void(ForcedValues&)>& read, std::string& error) {
  z3::check_result r = s.check();
  if (r != z3::sat) {
    error = r == z3::unsat ? "the pinned request is not satisfiable"
                           : "the solver could not decide the pinned request: " + s.reason_unknown();
    return false;
  }
  ForcedValues proposed(s, s.get_model());
  read(proposed);
  if (proposed.confirm()) return true;
  if (!proposed.misread()) {
    error = proposed.error();
    return false;
  }
  ForcedValues proved(s, std::nullopt);
  read(proved);
  error = proved.error();
  return proved.confirm();
}

}  // namespace agentpol::verify
