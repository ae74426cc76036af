// request_reader.h — the request JSON of spec section 8 -> agentpol::Request.
// Every schema problem of spec 6.2 is recorded on the Request (Request::fail)
// with a message naming the JSON path, so deciding it gives deny/bad_request;
// only input that is not JSON, or not a JSON object, is "unreadable".
// docs/requests.md describes the format and every message kind.
#pragma once

#include <agentpol/request.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "request/json_tree.h"
#include "request/request_schema.h"

namespace agentpol::request {

enum class ReadStatus { Ok, Unreadable };

// Largest number of distinct entities one request may name (each lookup is a
// scan of the request's entities, so this bounds the work a request can cause).
inline constexpr size_t kMaxEntities = 1024;

class RequestReader {
 public:
  explicit RequestReader(std::shared_ptr<const Bundle> bundle);

  const RequestSchema& schema() const { return schema_; }

  // Parses `text` (one JSON value) and fills `req`, which is reset first.
  // Unreadable: *error says why (not JSON, or not an object); `req` is reset.
  ReadStatus read(std::string_view text, Request& req, std::string* error);
  // Fills `req` (reset first) from node `node` of an already parsed tree.
  ReadStatus read(const JsonTree& tree, uint32_t node, Request& req, std::string* error);

 private:
  RequestSchema schema_;
  JsonTree tree_;
  std::vector<Value> items_;   // set elements, used as a stack
  std::vector<uint8_t> seen_;  // fields given per object, used as a stack
};

}  // namespace agentpol::request
