// py_engine.h — agentpol.Engine: the runtime Engine (atomic bundle swap, kill
// switch, audit hook) plus a pool of per-thread request builders, so one
// engine serves any number of Python threads. Decisions run without the GIL.
#pragma once

#include <agentpol/engine.h>
#include <agentpol/request.h>
#include <pybind11/pybind11.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "py_bundle.h"
#include "py_decision.h"
#include "py_request.h"
#include "request/request_reader.h"

namespace agentpol::python {

class PyEngine {
 public:
  PyEngine(const PyBundle& bundle, pybind11::object audit);

  PyDecision decide(pybind11::handle request);
  pybind11::list decide_many(pybind11::iterable requests);
  void swap(const PyBundle& bundle) { engine_.swap(bundle.bundle); }
  PyBundle bundle() const { return PyBundle{engine_.current()}; }
  void revoke(const std::string& agent) { engine_.revoke(agent); }
  void unrevoke(const std::string& agent) { engine_.unrevoke(agent); }
  bool is_revoked(const std::string& agent) const { return engine_.is_revoked(agent); }
  void set_audit(pybind11::object audit);
  const pybind11::object& audit() const { return audit_; }

  // Everything one decision needs, for one schema; used by one thread at a time.
  struct Worker {
    explicit Worker(std::shared_ptr<const Bundle> b) : schema(b), req(b), reader(b) {}
    std::shared_ptr<const Bundle> schema;
    Request req;
    request::RequestReader reader;  // JSON text, and dicts through PyView
    DictScratch dict;
    std::string error;
  };

 private:
  friend class WorkerLease;
  PyDecision decide_with(Worker*& w, pybind11::handle request);
  std::unique_ptr<Worker> acquire();
  void release(std::unique_ptr<Worker> w);

  Engine engine_;
  pybind11::object audit_;
  std::mutex pool_mu_;
  std::vector<std::unique_ptr<Worker>> pool_;
};

void bind_engine(pybind11::module_& m);

}  // namespace agentpol::python
