// py_decision.h — agentpol.Decision: one decision as Python values (decision,
// reason, rule ids, message), made from a runtime Result while the Request it
// points into is still alive.
#pragma once

#include <agentpol/decide.h>
#include <pybind11/pybind11.h>

#include <string_view>

namespace agentpol::python {

struct PyDecision {
  Decision decision = Decision::Deny;
  Reason reason = Reason::BadRequest;
  pybind11::tuple rules;   // of str
  pybind11::str message;   // "" unless bad_request or audit_failed
};

// Needs the GIL. `r` must still be valid (its Request not reused yet).
PyDecision make_decision(const Result& r);
// A deny/bad_request that never reached the runtime (no Request to decide).
PyDecision bad_request(std::string_view message);

void bind_decision(pybind11::module_& m);

}  // namespace agentpol::python
