// py_request.h — a request given as Python objects (a dict in spec section 8
// form) read into a runtime Request, with the same checks and bad_request
// messages as the JSON reader. Needs the GIL; one DictReader per thread.
#pragma once

#include <agentpol/bundle.h>
#include <agentpol/request.h>
#include <pybind11/pybind11.h>

#include <memory>
#include <string>

#include "request/request_reader.h"

namespace agentpol::python {

class DictReader {
 public:
  explicit DictReader(std::shared_ptr<const Bundle> bundle);
  // Fills `req` (reset first). Never raises for the request's content: any
  // problem is recorded on `req` (deny/bad_request when decided).
  void read(pybind11::handle dict, Request& req);

 private:
  request::RequestReader reader_;
  std::string text_, error_;
};

}  // namespace agentpol::python
