// json_tree_nlohmann.cpp — JsonTree's careful path: a SAX handler for
// nlohmann's (iterative) parser that appends nodes and strings to reused
// storage and stops at the nesting limit. It runs only on what the fast path
// (json_tree_simd.cpp) refuses, so its verdict and its error message (with
// line and column; nlohmann's "[json.exception…]" prefix dropped) are the
// answer: malformed JSON, and integers beyond 64 bits (kept as written).
#include "request/json_tree.h"

#include <nlohmann/json.hpp>

namespace agentpol::request {

class JsonTreeBuilder {
 public:
  using json = nlohmann::json;
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  JsonTreeBuilder(JsonTree& t, std::string* error) : t_(t), error_(error) {}

  bool null() { add(JsonKind::Null); return true; }
  bool boolean(bool b) { add(JsonKind::Bool).boolean = b; return true; }
  bool number_integer(number_integer_t v) { add(JsonKind::Int).i = v; return true; }
  bool number_unsigned(number_unsigned_t v) {
    if (v <= static_cast<uint64_t>(INT64_MAX)) add(JsonKind::Int).i = static_cast<int64_t>(v);
    else add(JsonKind::Uint).u = v;
    return true;
  }
  bool number_float(number_float_t, const string_t& text) {
    uint32_t len = 0, off = append(text, &len);
    JsonNode& n = add(JsonKind::Float);
    strOff_.back() = off;
    n.strLen = len;
    return true;
  }
  bool string(string_t& s) {
    uint32_t len = 0, off = append(s, &len);
    JsonNode& n = add(JsonKind::String);
    strOff_.back() = off;
    n.strLen = len;
    return true;
  }
  // The text buffer no longer grows: offsets become pointers.
  void finish() {
    const char* base = t_.text_.data();
    for (size_t i = 0; i < t_.nodes_.size(); ++i) {
      t_.nodes_[i].key = base + keyOffs_[i];
      t_.nodes_[i].str = base + strOff_[i];
    }
  }
  bool binary(binary_t&) { return false; }  // never produced by the JSON parser
  bool start_object(std::size_t) { return open(JsonKind::Object); }
  bool start_array(std::size_t) { return open(JsonKind::Array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(string_t& k) {
    keyOff_ = append(k, &keyLen_);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    std::string what = e.what();
    size_t close = what.find("] ");
    *error_ = close == std::string::npos ? what : what.substr(close + 2);
    return false;
  }

 private:
  JsonNode& add(JsonKind kind) {
    uint32_t index = static_cast<uint32_t>(t_.nodes_.size());
    t_.nodes_.emplace_back();
    JsonNode& n = t_.nodes_.back();
    n.kind = kind;
    keyOffs_.push_back(keyOff_);
    strOff_.push_back(0);
    n.keyLen = keyLen_;
    n.end = index + 1;
    keyOff_ = keyLen_ = 0;
    if (!t_.open_.empty()) ++t_.nodes_[t_.open_.back()].count;
    return n;
  }
  bool open(JsonKind kind) {
    if (t_.open_.size() >= kMaxJsonDepth) {
      *error_ = "nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels";
      return false;
    }
    add(kind);
    t_.open_.push_back(static_cast<uint32_t>(t_.nodes_.size() - 1));
    return true;
  }
  bool close() {
    t_.nodes_[t_.open_.back()].end = static_cast<uint32_t>(t_.nodes_.size());
    t_.open_.pop_back();
    return true;
  }
  uint32_t append(const std::string& s, uint32_t* len) {
    uint32_t off = static_cast<uint32_t>(t_.text_.size());
    t_.text_ += s;
    *len = static_cast<uint32_t>(s.size());
    return off;
  }

  JsonTree& t_;
  std::string* error_;
  uint32_t keyOff_ = 0, keyLen_ = 0;
  std::vector<uint32_t> keyOffs_, strOff_;  // per node, into t_.text_, until finish()
};

bool JsonTree::parseCarefully(std::string_view text, std::string* error) {
  nodes_.clear();
  text_.clear();
  open_.clear();
  JsonTreeBuilder builder(*this, error);
  bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &builder);
  builder.finish();
  if (ok && nodes_.empty()) {
    *error = "empty input";
    return false;
  }
  return ok;
}

}  // namespace agentpol::request
