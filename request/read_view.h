// read_view.h — RequestReader::read_view, for hosts that read requests from
// their own documents (value_view.h says what a view provides). Including
// this header brings the checks' templates (reader_core.h) in.
#pragma once

#include "request/reader_core.h"
#include "request/request_reader.h"

namespace agentpol::request {

template <class View>
void RequestReader::read_view(const View& view, typename View::Node root, Request& req) {
  req.reset();
  scratch_.items.clear();
  scratch_.seen.clear();
  detail::Reader<View>(schema_, view, req, scratch_).readRequest(root);
}

}  // namespace agentpol::request
