// py_bundle.cpp — agentpol._agentpol.Bundle and load_file/load_bytes: the
// runtime's loader (every check of spec 10) behind a (bundle, error) pair.
#include "py_bundle.h"

#include <string>

namespace py = pybind11;

namespace agentpol::python {
namespace {

std::string hex(const std::array<uint8_t, 32>& h) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : h) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

py::tuple result(LoadResult r) {
  if (!r) return py::make_tuple(py::none(), r.error);
  return py::make_tuple(PyBundle{std::move(r.bundle)}, py::none());
}

}  // namespace

void bind_bundle(py::module_& m) {
  py::class_<PyBundle>(m, "Bundle", "A loaded, validated policy bundle (immutable; share it freely).")
      .def_property_readonly(
          "hash", [](const PyBundle& b) { return hex(b.bundle->source_hash()); },
          "Hash of the policy sources (hex), as in audit records.")
      .def_property_readonly(
          "schema_hash", [](const PyBundle& b) { return b.bundle->schema_hash(); },
          "Hash of the request schema: bundles with equal schema hashes read the same requests.")
      .def_property_readonly(
          "namespace", [](const PyBundle& b) { return b.bundle->image().ns; }, "The policy's namespace.")
      .def_property_readonly(
          "actions",
          [](const PyBundle& b) {
            py::list out;
            for (const auto& a : b.bundle->image().actions) out.append(a.name);
            return py::tuple(out);
          },
          "The declared actions, in bundle order.")
      .def("__repr__", [](const PyBundle& b) {
        return "<agentpol.Bundle " + b.bundle->image().ns + " " + hex(b.bundle->source_hash()).substr(0, 12) + ">";
      });

  m.def(
      "load_file",
      [](const std::string& path) {
        LoadResult r;
        {
          py::gil_scoped_release nogil;
          r = load_bundle_file(path);
        }
        return result(std::move(r));
      },
      py::arg("path"), "Loads a bundle file: (Bundle, None), or (None, why) when it is invalid.");
  m.def(
      "load_bytes",
      [](const py::bytes& data) {
        std::string bytes = data;  // a copy: the loader runs without the GIL
        LoadResult r;
        {
          py::gil_scoped_release nogil;
          r = load_bundle(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
        }
        return result(std::move(r));
      },
      py::arg("data"), "Loads a bundle from its bytes: (Bundle, None), or (None, why).");
}

}  // namespace agentpol::python
