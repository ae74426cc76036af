// prop_abstraction.h — a cheap first try at the translation-validation
// queries: the formula's theory atoms (comparisons, regex memberships, set
// equalities, ...; each normalised by Z3's simplifier) become fresh Booleans
// and only the Boolean structure is solved. Source and bytecode terms share
// their atoms, so "equal" is usually a small SAT problem; an unsat answer is
// sound (every real model is also a propositional one). Entry: propositionallyUnsat.
#pragma once

#include <z3++.h>

namespace agentpol::verify::bytecode {

// True when `f` is unsatisfiable even with its atoms taken as free Booleans.
bool propositionallyUnsat(const z3::expr& f, unsigned timeoutMs);

}  // namespace agentpol::verify::bytecode
