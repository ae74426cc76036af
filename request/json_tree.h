// json_tree.h — a compact, reusable JSON document for the request reader:
// nodes in document order in one vector (keys kept in order, duplicates
// kept), strings in the parser's reused buffers, under a nesting limit. Built by simdjson
// (json_tree_simd.cpp); what simdjson refuses is parsed again by nlohmann's
// SAX parser (json_tree_nlohmann.cpp), whose verdict and message stand, so
// integers beyond 64 bits still read (as written) and errors keep positions.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace agentpol::request {

class FastJson;

enum class JsonKind : uint8_t { Null, Bool, Int, Uint, Float, String, Array, Object };

struct JsonNode {
  JsonKind kind = JsonKind::Null;
  bool boolean = false;
  uint32_t keyLen = 0, strLen = 0;
  const char* key = nullptr;  // key in the parent object (in the tree's buffers)
  const char* str = nullptr;  // String: the value; Float: the number as written
  uint32_t end = 0;           // index one past this node's last descendant
  uint32_t count = 0;         // Array/Object: number of children
  int64_t i = 0;              // Int (every integer in int64 range)
  uint64_t u = 0;             // Uint (integers above INT64_MAX)
};

inline constexpr uint32_t kNoNode = 0xffffffffu;
// Deepest nesting of arrays and objects accepted (a request needs about 10).
inline constexpr unsigned kMaxJsonDepth = 128;

class JsonTree {
 public:
  JsonTree();
  ~JsonTree();
  JsonTree(JsonTree&&) noexcept;
  JsonTree& operator=(JsonTree&&) noexcept;

  // Parses exactly one JSON value; on malformed JSON (or nesting deeper than
  // kMaxJsonDepth) returns false with a message. Storage is reused.
  bool parse(std::string_view text, std::string* error);

  uint32_t size() const { return static_cast<uint32_t>(nodes_.size()); }
  const JsonNode& node(uint32_t i) const { return nodes_[i]; }
  // Valid until the next parse (they point into the tree's reused buffers).
  std::string_view key(const JsonNode& n) const { return {n.key, n.keyLen}; }
  std::string_view str(const JsonNode& n) const { return {n.str, n.strLen}; }
  // Children of node i: for (c = i + 1; c < node(i).end; c = node(c).end).
  // Member `name` of object node i (the first one), or kNoNode.
  uint32_t find(uint32_t obj, std::string_view name) const;

  // The careful path alone (nlohmann), for tests and fuzzers that check the
  // fast path against it: same verdict, and equal() trees when both accept.
  bool parseReference(std::string_view text, std::string* error) { return parseCarefully(text, error); }
  // Same nodes (kinds, values, keys, strings, shape) as `other`.
  bool equal(const JsonTree& other) const;

 private:
  friend class JsonTreeBuilder;
  bool parseFast(std::string_view text);                          // false: not decided here
  bool parseCarefully(std::string_view text, std::string* error);  // nlohmann

  std::vector<JsonNode> nodes_;
  std::string text_;
  std::vector<uint32_t> open_;  // containers being built
  std::unique_ptr<FastJson> fast_;  // the fast path's parser (request/fast_json.h)
};

}  // namespace agentpol::request
