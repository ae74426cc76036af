// request_reader.cpp — RequestReader's JSON entry points: text through the
// reused JsonTree, or a node of a caller's tree, read by the checks
// instantiated for JsonView.
#include "request/request_reader.h"

#include "request/read_view.h"
#include "request/value_view.h"

namespace agentpol::request {

RequestReader::RequestReader(std::shared_ptr<const Bundle> bundle) : schema_(std::move(bundle)) {}

ReadStatus RequestReader::read(std::string_view text, Request& req, std::string* error) {
  if (!tree_.parse(text, error)) {
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
