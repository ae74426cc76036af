// py_request.cpp — INTERIM: the dict is serialized with json.dumps and read
// by the JSON request reader (a round trip), until the reader's value-view
// interface lets this walk Python objects directly.
#include "py_request.h"

namespace py = pybind11;

namespace agentpol::python {

DictReader::DictReader(std::shared_ptr<const Bundle> bundle) : reader_(std::move(bundle)) {}

void DictReader::read(py::handle dict, Request& req) {
  try {
    text_ = py::module_::import("json").attr("dumps")(dict).cast<std::string>();
  } catch (py::error_already_set& e) {
    req.reset();
    req.fail(std::string("not JSON: ") + e.what());
    return;
  }
  if (reader_.read(text_, req, &error_) == request::ReadStatus::Unreadable) req.fail(error_);
}

}  // namespace agentpol::python
