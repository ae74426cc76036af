// py_decision.cpp — the Decision type: read-only attributes, truthiness (only
// allow is true), repr, equality and to_dict() in the shape of one
// `agentpolc eval` output line ({"decision", "reason", "rules", "message"?}).
#include "py_decision.h"

#include <string>

namespace py = pybind11;

namespace agentpol::python {
namespace {

constexpr int kDecisions = 3;
constexpr int kReasons = static_cast<int>(Reason::AuditFailed) + 1;

// Interned names, made once at import (leaked on purpose: they must outlive
// every Decision, and the interpreter owns them at exit).
py::str* decision_names[kDecisions];
py::str* reason_names[kReasons];

const py::str& name(Decision d) { return *decision_names[static_cast<int>(d)]; }
const py::str& name(Reason r) { return *reason_names[static_cast<int>(r)]; }

py::str make_str(std::string_view s) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(o);
}

std::string repr(const PyDecision& d) {
  std::string out = "Decision(decision='";
  out += std::string(py::str(name(d.decision)));
  out += "', reason='";
  out += std::string(py::str(name(d.reason)));
  out += "', rules=";
  out += std::string(py::repr(d.rules));
  if (py::len(d.message) != 0) {
    out += ", message=";
    out += std::string(py::repr(d.message));
  }
  out += ")";
  return out;
}

}  // namespace

PyDecision make_decision(const Result& r) {
  PyDecision d;
  d.decision = r.decision;
  d.reason = r.reason;
  d.rules = py::tuple(r.rule_count);
  for (size_t i = 0; i < r.rule_count; ++i) d.rules[i] = make_str(r.rule_id(i));
  d.message = make_str(r.message);
  return d;
}

PyDecision bad_request(std::string_view message) {
  PyDecision d;
  d.rules = py::tuple(0);
  d.message = make_str(message);
  return d;
}

void bind_decision(py::module_& m) {
  for (int i = 0; i < kDecisions; ++i) {
    decision_names[i] = new py::str(to_string(static_cast<Decision>(i)));
    PyUnicode_InternInPlace(&decision_names[i]->ptr());
  }
  for (int i = 0; i < kReasons; ++i) {
    reason_names[i] = new py::str(to_string(static_cast<Reason>(i)));
    PyUnicode_InternInPlace(&reason_names[i]->ptr());
  }
  py::class_<PyDecision>(m, "Decision",
                         "One decision: `decision` ('allow', 'escalate', 'deny'), `reason` (spec 6.1's\n"
                         "reason code, or 'audit_failed'), `rules` (tuple of rule ids), `message`\n"
                         "(what is wrong with a bad request; '' otherwise). True only for allow.")
      .def_property_readonly("decision", [](const PyDecision& d) { return name(d.decision); },
                             "'allow', 'escalate' or 'deny'.")
      .def_property_readonly("reason", [](const PyDecision& d) { return name(d.reason); },
                             "The reason code: 'permitted', 'forbidden', 'bad_request', ...")
      .def_readonly("rules", &PyDecision::rules, "The ids of the rules that determined the decision (a tuple).")
      .def_readonly("message", &PyDecision::message, "What is wrong with a bad request; '' otherwise.")
      .def("__bool__", [](const PyDecision& d) { return d.decision == Decision::Allow; })
      .def("__repr__", &repr)
      .def("__eq__",
           [](const PyDecision& a, const py::object& other) -> py::object {
             if (!py::isinstance<PyDecision>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             const auto& b = other.cast<const PyDecision&>();
             return py::bool_(a.decision == b.decision && a.reason == b.reason && a.rules.equal(b.rules) &&
                              a.message.equal(b.message));
           })
      .def("__hash__", [](const PyDecision& d) {
        return py::hash(py::make_tuple(name(d.decision), name(d.reason), d.rules, d.message));
      })
      .def(
          "to_dict",
          [](const PyDecision& d) {
            py::dict out;
            out["decision"] = name(d.decision);
            out["reason"] = name(d.reason);
            out["rules"] = py::list(d.rules);
            if (py::len(d.message) != 0) out["message"] = d.message;
            return out;
          },
          "The decision as `agentpolc eval` prints it: {'decision', 'reason', 'rules'[, 'message']}.");
}

}  // namespace agentpol::python
