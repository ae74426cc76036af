// json_tree_simd.cpp — JsonTree's fast path: simdjson's DOM parser (SIMD
// kernels chosen at run time) on a reused padded copy of the input, its tape
// walked into the tree's nodes. It declines (returns false) on anything
// simdjson refuses and on nesting beyond kMaxJsonDepth, leaving the verdict
// and the message to the careful path. simdjson keeps no text of a float, so
// a float's text as written is found by counting number tokens in the input.
#include <simdjson.h>

#include <cstring>

#include "request/json_tree.h"

namespace agentpol::request {
namespace {

// The number tokens of valid JSON text, in order (strings skipped).
class NumberTokens {
 public:
  NumberTokens(const char* begin, const char* end) : p_(begin), end_(end) {}
  // The token of ordinal `k` (0-based, k not below any asked before).
  std::string_view at(uint64_t k) {
    std::string_view t;
    while (seen_ <= k) t = next(), ++seen_;
    return t;
  }

 private:
  std::string_view next() {
    while (p_ < end_) {
      char c = *p_;
      if (c == '"') {
        for (++p_; p_ < end_ && *p_ != '"'; ++p_)
          if (*p_ == '\\') ++p_;
        ++p_;
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        const char* s = p_;
        while (p_ < end_ && (std::strchr("0123456789.eE+-", *p_) != nullptr && *p_ != '\0')) ++p_;
        return {s, static_cast<size_t>(p_ - s)};
      } else {
        ++p_;
      }
    }
    return {};
  }
  const char* p_;
  const char* end_;
  uint64_t seen_ = 0;
};

}  // namespace

struct JsonTree::Fast {
  simdjson::dom::parser parser;
  std::string padded;  // the input followed by SIMDJSON_PADDING bytes
};

JsonTree::JsonTree() = default;
JsonTree::~JsonTree() = default;
JsonTree::JsonTree(JsonTree&&) noexcept = default;
JsonTree& JsonTree::operator=(JsonTree&&) noexcept = default;

namespace {

class TapeWalk {
 public:
  TapeWalk(std::vector<JsonNode>& nodes, std::string& text, std::string_view input)
      : nodes_(nodes), text_(text), numbers_(input.data(), input.data() + input.size()) {}

  // Appends `e` and its descendants; false beyond the nesting limit.
  bool walk(simdjson::dom::element e, std::string_view key, unsigned depth) {
    using simdjson::dom::element_type;
    uint32_t index = static_cast<uint32_t>(nodes_.size());
    nodes_.emplace_back();
    {
      JsonNode& n = nodes_.back();
      n.key = append(key, &n.keyLen);
      n.end = index + 1;
    }
    switch (e.type()) {
      case element_type::OBJECT: {
        if (depth >= kMaxJsonDepth) return false;
        nodes_[index].kind = JsonKind::Object;
        uint32_t count = 0;
        for (simdjson::dom::key_value_pair kv : simdjson::dom::object(e)) {
          if (!walk(kv.value, kv.key, depth + 1)) return false;
          ++count;
        }
        close(index, count);
        return true;
      }
      case element_type::ARRAY: {
        if (depth >= kMaxJsonDepth) return false;
        nodes_[index].kind = JsonKind::Array;
        uint32_t count = 0;
        for (simdjson::dom::element c : simdjson::dom::array(e)) {
          if (!walk(c, {}, depth + 1)) return false;
          ++count;
        }
        close(index, count);
        return true;
      }
      case element_type::STRING: {
        JsonNode& n = nodes_[index];
        n.kind = JsonKind::String;
        n.str = append(std::string_view(e), &n.strLen);
        return true;
      }
      case element_type::INT64:
        nodes_[index].kind = JsonKind::Int;
        nodes_[index].i = int64_t(e);
        ++ordinal_;
        return true;
      case element_type::UINT64: {
        uint64_t u = uint64_t(e);
        JsonNode& n = nodes_[index];
        if (u <= static_cast<uint64_t>(INT64_MAX)) {
          n.kind = JsonKind::Int;
          n.i = static_cast<int64_t>(u);
        } else {
          n.kind = JsonKind::Uint;
          n.u = u;
        }
        ++ordinal_;
        return true;
      }
      case element_type::DOUBLE: {
        std::string_view raw = numbers_.at(ordinal_++);
        JsonNode& n = nodes_[index];
        n.kind = JsonKind::Float;
        n.str = append(raw, &n.strLen);
        return true;
      }
      case element_type::BOOL:
        nodes_[index].kind = JsonKind::Bool;
        nodes_[index].boolean = bool(e);
        return true;
      case element_type::NULL_VALUE: return true;
    }
    return false;
  }

 private:
  void close(uint32_t index, uint32_t count) {
    nodes_[index].count = count;
    nodes_[index].end = static_cast<uint32_t>(nodes_.size());
  }
  uint32_t append(std::string_view s, uint32_t* len) {
    uint32_t off = static_cast<uint32_t>(text_.size());
    text_.append(s.data(), s.size());
    *len = static_cast<uint32_t>(s.size());
    return off;
  }

  std::vector<JsonNode>& nodes_;
  std::string& text_;
  NumberTokens numbers_;
  uint64_t ordinal_ = 0;  // number tokens met so far
};

}  // namespace

bool JsonTree::parseFast(std::string_view text) {
  if (!fast_) fast_ = std::make_unique<Fast>();
  nodes_.clear();
  text_.clear();
  std::string& padded = fast_->padded;
  if (padded.size() < text.size() + simdjson::SIMDJSON_PADDING) padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(padded.data(), text.data(), text.size());
  simdjson::dom::element root;
  if (fast_->parser.parse(padded.data(), text.size(), false).get(root) != simdjson::SUCCESS) return false;
  TapeWalk walk(nodes_, text_, std::string_view(padded.data(), text.size()));
  return walk.walk(root, {}, 0);
}

}  // namespace agentpol::request
