// py_bundle.h — agentpol.Bundle: a loaded, validated bundle (immutable, shared
// by engines and threads) and load_bundle(), which never raises for a bad
// bundle but reports why (agentpol.load turns that into LoadError).
#pragma once

#include <agentpol/bundle.h>
#include <pybind11/pybind11.h>

#include <memory>

namespace agentpol::python {

struct PyBundle {
  std::shared_ptr<const Bundle> bundle;
};

void bind_bundle(pybind11::module_& m);

}  // namespace agentpol::python
