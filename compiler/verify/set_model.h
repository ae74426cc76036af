// set_model.h — turns the arrays of a Z3 model into the finite sets a
// request can carry. A model may interpret a set as cofinite (default true)
// or hold int64-overflowing points; both are mapped exactly: points that
// formula terms take (the membership keys) stay, other explicit points are
// renamed injectively to fresh in-range values, and the default-true rest
// becomes one fresh element shared by every cofinite set. Membership of
// every term, set equality, inclusion and emptiness are preserved.
// Use: one pass to collect() every set, then elements() for each.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <z3++.h>

namespace agentpol::verify {

class SetExtractor {
 public:
  SetExtractor(const z3::model& m, const std::vector<z3::expr>& memberKeys);

  // Pass 1: record the explicit points of one set term.
  void collect(const z3::expr& setTerm);
  // Pass 2: the elements (model values of the key sort) of the finite set.
  std::vector<z3::expr> elements(const z3::expr& setTerm);
  // False when some array value had a form this extractor does not read.
  bool exact() const { return exact_; }

 private:
  struct Parsed {
    bool defaultTrue = false;
    std::vector<std::pair<z3::expr, bool>> points;  // explicit (key, member)
  };
  Parsed parse(const z3::expr& value);
  z3::expr rename(const z3::expr& point);
  z3::expr fresh(const z3::sort& s);
  bool known(const z3::expr& v) const;
  std::string keyOf(const z3::expr& v) const { return v.to_string(); }

  z3::model model_;
  std::vector<z3::expr> keys_;            // membership keys, evaluated
  std::set<std::string> used_;            // every point seen (printed form)
  std::map<std::string, z3::expr> renamed_;
  std::map<unsigned, z3::expr> cofiniteWitness_;  // by key sort id
  int64_t nextInt_ = 1000;
  int nextString_ = 0;
  bool exact_ = true;
};

}  // namespace agentpol::verify
