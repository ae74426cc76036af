// py_request.h — a request given as a Python dict (spec section 8 form) read
// into a runtime Request by the request reader's own checks, through PyView:
// the same bad_request messages as JSON text, no JSON text in between.
#pragma once

#include <Python.h>
#include <agentpol/request.h>

#include <string>
#include <vector>

#include "request/request_reader.h"

namespace agentpol::python {

// Scratch a thread reuses from one dict to the next.
struct DictScratch {
  std::vector<PyObject*> keep;  // texts made for Float nodes during one read
  std::string error;
};

// Fills `req` (reset first) from `dict` (a PyDict). Needs the GIL. Never
// raises: a value without a JSON form is recorded on `req` as "not JSON: …"
// (what the JSON reader says of text that is not JSON), every schema problem
// as the reader's message; deciding `req` then gives deny/bad_request.
void read_dict(request::RequestReader& reader, PyObject* dict, Request& req, DictScratch& scratch);

}  // namespace agentpol::python
