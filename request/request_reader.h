// request_reader.h — the request JSON of spec section 8 -> agentpol::Request,
// the one reader every host uses (eval, test, the gateway, the Python module).
// Every schema problem of spec 6.2 is recorded on the Request (Request::fail)
// with a message naming the JSON path, so deciding it gives deny/bad_request;
// only input that is not JSON, or not a JSON object, is "unreadable".
// The checks are written once over a value view (value_view.h): simdjson's
// tape (tape_view.h) and JsonTree nodes here; another document (a Python
// dict) through read_view().
// Names are resolved to handles once per bundle (RequestSchema); the tree,
// the Request and the scratch stacks are reused, so a warm reader allocates
// nothing per request. docs/requests.md describes the format and messages.
#pragma once

#include <agentpol/request.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "request/fast_json.h"
#include "request/json_tree.h"
#include "request/request_schema.h"

namespace agentpol::request {

enum class ReadStatus { Ok, Unreadable };

namespace detail {
struct Scratch {
  std::vector<Value> items;   // set elements, used as a stack
  std::vector<uint8_t> seen;  // fields given per object, used as a stack
};
}  // namespace detail

class RequestReader {
 public:
  explicit RequestReader(std::shared_ptr<const Bundle> bundle);

  const RequestSchema& schema() const { return schema_; }

  // Parses `text` (one JSON value) and fills `req`, which is reset first:
  // read in place from simdjson's tape (TapeView), or, when simdjson refuses
  // the text, from the careful path's tree (whose verdict stands).
  // Unreadable: *error says why (not JSON, or not an object); `req` is reset.
  ReadStatus read(std::string_view text, Request& req, std::string* error);
  // Fills `req` (reset first) from node `node` of an already parsed tree.
  ReadStatus read(const JsonTree& tree, uint32_t node, Request& req, std::string* error);
  // Fills `req` (reset first) from `root` of any value view; `root` must be
  // an object (a host checks that first: its unreadable case is its own).
  // Defined in request/read_view.h.
  template <class View>
  void read_view(const View& view, typename View::Node root, Request& req);

 private:
  RequestSchema schema_;
  FastJson fast_;
  JsonTree tree_;
  detail::Scratch scratch_;
};

}  // namespace agentpol::request
