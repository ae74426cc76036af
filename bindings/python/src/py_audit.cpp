// py_audit.cpp — the audit bridge: render the record with the runtime's
// audit_json (outside the GIL), take the GIL, turn it into a dict with
// json.loads and call the Python callable. Its exception is parked on the
// thread's AuditCall and the hook returns false (record not stored).
#include "py_audit.h"

#include <memory>
#include <string>
#include <utility>

namespace py = pybind11;

namespace agentpol::python {
namespace {

thread_local AuditCall* current_call = nullptr;

// Owns the Python objects of a hook. The hook lives in engine snapshots that
// the last thread to drop them destroys, possibly without the GIL: take it.
struct Callable {
  py::object fn, loads;
  Callable(py::object f, py::object l) : fn(std::move(f)), loads(std::move(l)) {}
  ~Callable() {
    py::gil_scoped_acquire gil;
    fn = py::object();
    loads = py::object();
  }
};

}  // namespace

AuditCall::AuditCall() : outer_(current_call) { current_call = this; }

AuditCall::~AuditCall() { current_call = outer_; }

void AuditCall::rethrow() {
  if (!error) return;
  py::error_already_set e = std::move(*error);
  error.reset();
  throw e;
}

AuditHook make_audit_hook(py::object callable) {
  auto c = std::make_shared<Callable>(std::move(callable), py::module_::import("json").attr("loads"));
  return [c](const AuditRecord& rec) -> bool {
    thread_local std::string line;
    line.clear();
    audit_json(rec, &line);
    py::gil_scoped_acquire gil;
    try {
      PyObject* text = PyUnicode_DecodeUTF8(line.data(), static_cast<Py_ssize_t>(line.size()), "replace");
      if (!text) throw py::error_already_set();
      c->fn(c->loads(py::reinterpret_steal<py::str>(text)));
      return true;
    } catch (py::error_already_set& e) {
      if (current_call && !current_call->error) current_call->error = std::move(e);
    } catch (const std::exception& e) {
      PyErr_SetString(PyExc_RuntimeError, e.what());
      py::error_already_set err;
      if (current_call && !current_call->error) current_call->error = std::move(err);
    }
    return false;
  };
}

}  // namespace agentpol::python
