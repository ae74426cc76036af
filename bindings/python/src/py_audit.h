// py_audit.h — a Python audit callable as the runtime's AuditHook: called with
// one dict per decision (the runtime's audit_json record, so Python sees the
// same fields as every other host). An exception from the callable is kept
// for the deciding call to raise, and the hook reports the record as not
// stored, so the runtime's result is deny/audit_failed: never an allow
// without its record.
#pragma once

#include <agentpol/engine.h>
#include <pybind11/pybind11.h>

#include <optional>

namespace agentpol::python {

// The exception an audit callable raised during one decide() on this thread.
struct AuditCall {
  std::optional<pybind11::error_already_set> error;
  AuditCall();
  ~AuditCall();
  AuditCall(const AuditCall&) = delete;
  AuditCall& operator=(const AuditCall&) = delete;
  // Raises the callable's exception, if there was one (needs the GIL).
  void rethrow();

 private:
  AuditCall* outer_;
};

// Wraps `callable` (not None). The hook may run on any thread; it takes the GIL.
AuditHook make_audit_hook(pybind11::object callable);

}  // namespace agentpol::python
