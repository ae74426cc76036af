// module.cpp — the native module agentpol._agentpol: Bundle and its loaders,
// Decision, Engine. The package's __init__.py adds load() / LoadError and
// guard() / Denied / NeedsApproval on top (bindings/python/agentpol).
#include <pybind11/pybind11.h>

#include "py_bundle.h"
#include "py_decision.h"
#include "py_engine.h"

PYBIND11_MODULE(_agentpol, m) {
  m.doc() = "agentpol's runtime: load bundles, decide requests (see the agentpol package).";
  agentpol::python::bind_bundle(m);
  agentpol::python::bind_decision(m);
  agentpol::python::bind_engine(m);
}
