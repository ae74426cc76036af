// request_reader.cpp — RequestReader's JSON entry points: text read in place
// from simdjson's tape (the checks instantiated for TapeView), or through the
// careful path's JsonTree when simdjson refuses it; a node of a caller's tree
// (the checks instantiated for JsonView).
#include "request/request_reader.h"

#include "request/read_view.h"
#include "request/tape_view.h"
#include "request/value_view.h"

namespace agentpol::request {

RequestReader::RequestReader(std::shared_ptr<const Bundle> bundle) : schema_(std::move(bundle)) {}

ReadStatus RequestReader::read(std::string_view text, Request& req, std::string* error) {
  if (text.size() < 0xffffffffu && fast_.parse(text)) {
    TapeView view(fast_);
    if (view.kind(TapeView::kRoot) != JsonKind::Object) {
      req.reset();
      *error = "a request must be a JSON object";
      return ReadStatus::Unreadable;
    }
    read_view(view, TapeView::kRoot, req);
    return ReadStatus::Ok;
  }
  if (!tree_.parse(text, error)) {  // the fast path again declines: the careful path's message
    req.reset();
    *error = "not JSON: " + *error;
    return ReadStatus::Unreadable;
  }
  return read(tree_, 0, req, error);
}

ReadStatus RequestReader::read(const JsonTree& tree, uint32_t node, Request& req, std::string* error) {
  if (node >= tree.size() || tree.node(node).kind != JsonKind::Object) {
    req.reset();
    *error = "a request must be a JSON object";
    return ReadStatus::Unreadable;
  }
  read_view(JsonView(tree), node, req);
  return ReadStatus::Ok;
}

}  // namespace agentpol::request
