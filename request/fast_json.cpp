// fast_json.cpp — FastJson over simdjson::dom::parser: one parser and one
// padded copy of the input, both reused (they grow to the largest text seen
// and are not freed), so a warm parse allocates nothing.
#include "request/fast_json.h"

#include <simdjson.h>

#include <cstring>
#include <string>

#include "request/json_tree.h"  // kMaxJsonDepth

namespace agentpol::request {

struct FastJson::Impl {
  simdjson::dom::parser parser;
  std::string padded;  // the input followed by SIMDJSON_PADDING bytes
  bool ready = false;
};

FastJson::FastJson() : impl_(std::make_unique<Impl>()) {}
FastJson::~FastJson() = default;
FastJson::FastJson(FastJson&&) noexcept = default;
FastJson& FastJson::operator=(FastJson&&) noexcept = default;

bool FastJson::parse(std::string_view text) {
  Impl& m = *impl_;
  tape_ = nullptr;
  strings_ = nullptr;
  // simdjson refuses nesting deeper than its max depth (arrays: 128 levels
  // pass, objects: 127); the careful path then decides, with the same bound.
  if (!m.ready) {
    if (m.parser.allocate(1 << 16, kMaxJsonDepth) != simdjson::SUCCESS) return false;
    m.ready = true;
  }
  if (m.padded.size() < text.size() + simdjson::SIMDJSON_PADDING) m.padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(m.padded.data(), text.data(), text.size());
  simdjson::dom::element root;
  if (m.parser.parse(m.padded.data(), text.size(), false).get(root) != simdjson::SUCCESS) return false;
  tape_ = m.parser.doc.tape.get();
  strings_ = m.parser.doc.string_buf.get();
  input_ = std::string_view(m.padded.data(), text.size());
  return true;
}

}  // namespace agentpol::request
