// py_request.cpp — read_dict: check_json_form, then the reader's section 6.2
// checks instantiated over PyView (request/read_view.h).
#include "py_request.h"

#include "py_view.h"
#include "request/read_view.h"

namespace agentpol::python {

void read_dict(request::RequestReader& reader, PyObject* dict, Request& req, DictScratch& scratch) {
  if (!check_json_form(dict, &scratch.error)) {
    req.reset();
    req.fail("not JSON: " + scratch.error);
    return;
  }
  reader.read_view(PyView(scratch.keep), dict, req);
  // The Request holds copies of every string it was given: the texts can go.
  for (PyObject* o : scratch.keep) Py_DECREF(o);
  scratch.keep.clear();
}

}  // namespace agentpol::python
