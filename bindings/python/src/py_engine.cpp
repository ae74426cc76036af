// py_engine.cpp — Engine.decide / decide_many: take a Worker from the pool
// (rebuilt when the engine's bundle has another schema), fill its Request
// from a dict (with the GIL: it reads Python objects) or from JSON text (the
// request reader, without the GIL), decide without the GIL, then raise what
// the audit callable raised, or return the Decision.
#include "py_engine.h"

#include <utility>

#include "py_audit.h"

namespace py = pybind11;

namespace agentpol::python {

// A Worker borrowed from the engine's pool for the length of one call.
class WorkerLease {
 public:
  explicit WorkerLease(PyEngine& e) : e_(e), w_(e.acquire()) {}
  ~WorkerLease() { e_.release(std::move(w_)); }
  WorkerLease(const WorkerLease&) = delete;
  WorkerLease& operator=(const WorkerLease&) = delete;
  PyEngine::Worker* get() { return w_.get(); }
  // `r` was decided by a bundle of another schema than the worker's.
  bool stale(const Result& r) const { return r.bundle && r.bundle->schema_hash() != w_->schema->schema_hash(); }
  void renew() { w_ = std::make_unique<PyEngine::Worker>(e_.engine_.current()); }

 private:
  PyEngine& e_;
  std::unique_ptr<PyEngine::Worker> w_;
};

namespace {

enum class Form { Dict, Text, Invalid };

constexpr int kStaleRetries = 8;

Form form_of(py::handle obj) {
  if (PyDict_Check(obj.ptr())) return Form::Dict;
  if (PyUnicode_Check(obj.ptr()) || PyBytes_Check(obj.ptr())) return Form::Text;
  return Form::Invalid;
}

[[noreturn]] void wrong_type(py::handle obj) {
  throw py::type_error("a request is a dict (spec section 8) or its JSON text as str or bytes, not " +
                       std::string(py::str(py::type::handle_of(obj).attr("__name__"))));
}

// The UTF-8 bytes of a str or bytes object (alive as long as the object),
// or false when a str cannot be encoded (a lone surrogate).
bool text_of(py::handle obj, std::string_view* out) {
  char* data = nullptr;
  Py_ssize_t size = 0;
  if (PyBytes_Check(obj.ptr())) {
    PyBytes_AsStringAndSize(obj.ptr(), &data, &size);
  } else {
    const char* s = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
    if (!s) {
      PyErr_Clear();
      return false;
    }
    data = const_cast<char*>(s);
  }
  *out = std::string_view(data, static_cast<size_t>(size));
  return true;
}

}  // namespace

PyEngine::PyEngine(const PyBundle& bundle, py::object audit) : engine_(bundle.bundle) { set_audit(std::move(audit)); }

void PyEngine::set_audit(py::object audit) {
  if (!audit.is_none() && !PyCallable_Check(audit.ptr())) throw py::type_error("audit must be a callable or None");
  engine_.set_audit_hook(audit.is_none() ? AuditHook() : make_audit_hook(audit));
  audit_ = std::move(audit);
}

std::unique_ptr<PyEngine::Worker> PyEngine::acquire() {
  std::shared_ptr<const Bundle> current = engine_.current();
  std::unique_ptr<Worker> w;
  {
    std::lock_guard<std::mutex> lock(pool_mu_);
    if (!pool_.empty()) {
      w = std::move(pool_.back());
      pool_.pop_back();
    }
  }
  if (!w || w->schema->schema_hash() != current->schema_hash()) w = std::make_unique<Worker>(current);
  return w;
}

void PyEngine::release(std::unique_ptr<Worker> w) {
  std::lock_guard<std::mutex> lock(pool_mu_);
  pool_.push_back(std::move(w));
}

// Fills and decides one request with `w`. Returns after the audit callable
// ran; its exception (if any) is raised by the caller's AuditCall.
static Result fill_and_decide(const Engine& engine, PyEngine::Worker& w, py::handle obj, Form form) {
  if (form == Form::Dict) {
    read_dict(w.reader, obj.ptr(), w.req, w.dict);
    py::gil_scoped_release nogil;
    return engine.decide(w.req);
  }
  std::string_view text;
  if (!text_of(obj, &text)) {
    w.req.reset();
    w.req.fail("not JSON: the text is not valid Unicode (it holds a lone surrogate)");
    py::gil_scoped_release nogil;
    return engine.decide(w.req);
  }
  py::gil_scoped_release nogil;
  if (w.reader.read(text, w.req, &w.error) == request::ReadStatus::Unreadable) w.req.fail(w.error);
  return engine.decide(w.req);
}

static PyDecision decide_leased(const Engine& engine, WorkerLease& lease, py::handle obj) {
  Form form = form_of(obj);
  if (form == Form::Invalid) wrong_type(obj);
  AuditCall call;
  Result r = fill_and_decide(engine, *lease.get(), obj, form);
  call.rethrow();
  // A swap to another schema between taking the worker and deciding makes
  // the request stale ("built for another bundle schema"): build it again
  // for the new bundle (each attempt is audited; a bound, as swaps could in
  // theory keep coming, after which the bad_request stands: fail closed).
  for (int attempt = 0; attempt < kStaleRetries && r.reason == Reason::BadRequest && lease.stale(r); ++attempt) {
    lease.renew();
    r = fill_and_decide(engine, *lease.get(), obj, form);
    call.rethrow();
  }
  return make_decision(r);
}

PyDecision PyEngine::decide(py::handle request) {
  WorkerLease lease(*this);
  return decide_leased(engine_, lease, request);
}

py::list PyEngine::decide_many(py::iterable requests) {
  // One request is not a sequence of them (a dict would iterate its keys).
  if (form_of(requests) != Form::Invalid)
    throw py::type_error("decide_many takes an iterable of requests; use decide for one request");
  WorkerLease lease(*this);
  py::list out;
  for (py::handle r : requests) out.append(py::cast(decide_leased(engine_, lease, r)));
  return out;
}

void bind_engine(py::module_& m) {
  py::class_<PyEngine>(m, "Engine",
                       "Decides requests with a bundle: thread-safe, GIL released while deciding.\n"
                       "audit: a callable given one dict per decision, or None.")
      .def(py::init<const PyBundle&, py::object>(), py::arg("bundle"), py::arg("audit") = py::none())
      .def("decide", &PyEngine::decide, py::arg("request"),
           "Decides one request: a dict in spec section 8 form, or its JSON text (str or bytes).\n"
           "A request that does not fit the schema is deny/bad_request with a message, never an\n"
           "exception; a request of another Python type raises TypeError. If the audit callable\n"
           "raises, decide raises that exception and returns no decision.")
      .def("decide_many", &PyEngine::decide_many, py::arg("requests"),
           "Decides every request of an iterable, in order, in one call; a list of Decisions.")
      .def("swap", &PyEngine::swap, py::arg("bundle"), "Replaces the bundle for every later decision.")
      .def("revoke", &PyEngine::revoke, py::arg("agent"), "Kill switch: deny every later request of `agent`.")
      .def("unrevoke", &PyEngine::unrevoke, py::arg("agent"), "Lifts a revoke().")
      .def("is_revoked", &PyEngine::is_revoked, py::arg("agent"))
      .def_property_readonly("bundle", &PyEngine::bundle, "The bundle in use.")
      .def_property("audit", &PyEngine::audit, &PyEngine::set_audit, "The audit callable (or None).");
}

}  // namespace agentpol::python
