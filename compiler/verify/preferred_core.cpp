// preferred_core.cpp — QuickXplain over assumption literals: split the
// candidates, find the conflict's part among the later half with the earlier
// half assumed, then the part among the earlier half with that assumed.
// O(k·log(n/k)) checks for a core of k out of n literals.
#include "verify/preferred_core.h"

#include <cstddef>
#include <exception>

namespace agentpol::verify {

namespace {

struct Undecided : std::exception {};

class QuickXplain {
 public:
  QuickXplain(z3::solver& s, std::chrono::steady_clock::time_point deadline) : s_(s), deadline_(deadline) {}

  // Is `base` unsat? Throws Undecided on unknown or when out of time.
  bool conflicting(const std::vector<z3::expr>& base) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - std::chrono::steady_clock::now());
    if (left.count() <= 0) throw Undecided();
    z3::params p(s_.ctx());
    p.set("timeout", static_cast<unsigned>(left.count()));
    s_.set(p);
    z3::expr_vector a(s_.ctx());
    for (const z3::expr& e : base) a.push_back(e);
    z3::check_result r = s_.check(a);
    if (r == z3::unknown) throw Undecided();
    return r == z3::unsat;
  }

  // The preferred conflict within `c[lo, hi)` given `base` (which, when
  // `added` is set, just grew and may already conflict on its own).
  std::vector<z3::expr> run(std::vector<z3::expr>& base, bool added, const std::vector<z3::expr>& c, size_t lo,
                            size_t hi) {
    if (added && conflicting(base)) return {};
    if (hi - lo == 1) return {c[lo]};
    size_t mid = lo + (hi - lo) / 2;
    size_t mark = base.size();
    base.insert(base.end(), c.begin() + static_cast<std::ptrdiff_t>(lo), c.begin() + static_cast<std::ptrdiff_t>(mid));
    std::vector<z3::expr> d2 = run(base, true, c, mid, hi);
    base.erase(base.begin() + static_cast<std::ptrdiff_t>(mark), base.end());
    base.insert(base.end(), d2.begin(), d2.end());
    std::vector<z3::expr> d1 = run(base, !d2.empty(), c, lo, mid);
    base.erase(base.begin() + static_cast<std::ptrdiff_t>(mark), base.end());
    d1.insert(d1.end(), d2.begin(), d2.end());
    return d1;
  }

 private:
  z3::solver& s_;
  std::chrono::steady_clock::time_point deadline_;
};

}  // namespace

std::optional<std::vector<z3::expr>> preferredCore(z3::solver& solver, const std::vector<z3::expr>& ordered,
                                                   std::chrono::steady_clock::time_point deadline) {
  QuickXplain qx(solver, deadline);
  try {
    std::vector<z3::expr> base;
    if (ordered.empty() || qx.conflicting(base)) return std::vector<z3::expr>{};
    return qx.run(base, false, ordered, 0, ordered.size());
  } catch (const Undecided&) {
    return std::nullopt;
  }
}

}  // namespace agentpol::verify
