// preferred_core.h — shrinks an unsat core to the *preferred* minimal one:
// given assumption literals in order of preference, the minimal unsat subset
// that is lexicographically earliest (QuickXplain, Junker 2004: a subset
// whose every element is needed, made of the earliest literals possible).
// Used by the Prover so that `rules` names rules in source order, whatever
// core Z3 happened to find.
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include <z3++.h>

namespace agentpol::verify {

// `solver` holds the query; `ordered` are assumptions under which it is
// unsat, most preferred first. Returns the preferred minimal unsat subset,
// or nothing when a check is undecided or `deadline` passes (the caller
// keeps the core it had). Each check's timeout is the time left.
std::optional<std::vector<z3::expr>> preferredCore(z3::solver& solver, const std::vector<z3::expr>& ordered,
                                                   std::chrono::steady_clock::time_point deadline);

}  // namespace agentpol::verify
