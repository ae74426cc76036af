// json_tree_simd.cpp — JsonTree's fast path: FastJson (simdjson) parses, and
// its tape is copied into the tree's nodes through TapeView (strings left
// where simdjson put them). It declines (returns false) on anything simdjson
// refuses, leaving the verdict and the message to the careful path. Also
// numberToken(), which finds a float's text for TapeView.
#include "request/json_tree.h"
#include "request/tape_view.h"

namespace agentpol::request {

std::string_view numberToken(std::string_view json, uint64_t ordinal) {
  const char* p = json.data();
  const char* end = p + json.size();
  auto inNumber = [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'; };
  for (uint64_t seen = 0; p < end;) {
    char c = *p;
    if (c == '"') {
      for (++p; p < end && *p != '"'; ++p)
        if (*p == '\\') ++p;
      ++p;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      const char* start = p;
      while (p < end && inNumber(*p)) ++p;
      if (seen++ == ordinal) return {start, static_cast<size_t>(p - start)};
    } else {
      ++p;
    }
  }
  return {};
}

JsonTree::JsonTree() = default;
JsonTree::~JsonTree() = default;
JsonTree::JsonTree(JsonTree&&) noexcept = default;
JsonTree& JsonTree::operator=(JsonTree&&) noexcept = default;

namespace {

class TapeWalk {
 public:
  TapeWalk(std::vector<JsonNode>& nodes, const TapeView& v) : nodes_(nodes), v_(v) {}

  // Appends node n and its descendants.
  void walk(TapeView::Node n, std::string_view key) {
    uint32_t index = static_cast<uint32_t>(nodes_.size());
    nodes_.emplace_back();
    JsonNode& j = nodes_.back();
    j.key = key.data();
    j.keyLen = static_cast<uint32_t>(key.size());
    j.end = index + 1;
    j.kind = v_.kind(n);
    switch (j.kind) {
      case JsonKind::Object: {
        uint32_t count = 0;
        v_.members(n, [&](std::string_view k, TapeView::Node c) {
          walk(c, k);
          ++count;
          return true;
        });
        close(index, count);
        return;
      }
      case JsonKind::Array: {
        uint32_t count = 0;
        v_.elements(n, [&](TapeView::Node c) {
          walk(c, {});
          ++count;
          return true;
        });
        close(index, count);
        return;
      }
      case JsonKind::String:
      case JsonKind::Float: {
        std::string_view s = v_.string(n);
        j.str = s.data();
        j.strLen = static_cast<uint32_t>(s.size());
        return;
      }
      case JsonKind::Int: j.i = v_.integer(n); return;
      case JsonKind::Uint: j.u = v_.uinteger(n); return;
      case JsonKind::Bool: j.boolean = v_.boolean(n); return;
      case JsonKind::Null: return;
    }
  }

 private:
  void close(uint32_t index, uint32_t count) {
    nodes_[index].count = count;
    nodes_[index].end = static_cast<uint32_t>(nodes_.size());
  }

  std::vector<JsonNode>& nodes_;
  const TapeView& v_;
};

}  // namespace

bool JsonTree::parseFast(std::string_view text) {
  if (!fast_) fast_ = std::make_unique<FastJson>();
  nodes_.clear();
  text_.clear();
  if (!fast_->parse(text)) return false;  // nesting too is bounded there (kMaxJsonDepth)
  TapeView view(*fast_);
  TapeWalk(nodes_, view).walk(TapeView::kRoot, {});
  return true;
}

}  // namespace agentpol::request
