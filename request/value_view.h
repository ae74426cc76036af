// value_view.h — the one interface the section 6.2 checks read a request
// through (a "value view"), and its JSON implementation over JsonTree.
//
// A view is a class with a cheap handle type `Node` and:
//   static constexpr Node kAbsent;                 // "no such member"
//   JsonKind kind(Node) const;                     // Null, Bool, Int, Uint, Float, String, Array, Object
//   bool boolean(Node) const;                      // Bool
//   int64_t integer(Node) const;                   // Int (every integer in int64 range)
//   uint64_t uinteger(Node) const;                 // Uint (integers above INT64_MAX)
//   std::string_view string(Node) const;           // String (UTF-8); Float: the number as written
//   Node find(Node object, std::string_view key) const;  // first member `key`, or kAbsent
//   bool members(Node object, F f) const;          // f(std::string_view key, Node value) -> bool,
//                                                  // in order, stopping (false) when f says false
//   bool elements(Node array, F f) const;          // f(Node value) -> bool, likewise
// Strings it hands out must stay valid while the Request read from it lives
// (the Request views them). Integers beyond uint64 may be Float with their
// digits as the text ("is out of the Int range" then). A host with its own
// document (a Python dict) implements these and instantiates
// RequestReader::read_view (request/read_view.h): same checks, same messages,
// no JSON text in between.
#pragma once

#include <cstdint>
#include <string_view>

#include "request/json_tree.h"

namespace agentpol::request {

// Key equality for the short names of a request: length and first byte
// first, so a mismatch rarely reaches memcmp.
inline bool sameName(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.size() > 16) return a.compare(b) == 0;
  for (size_t i = 0; i < a.size(); ++i)  // short names: no call
    if (a[i] != b[i]) return false;
  return true;
}

class JsonView {
 public:
  using Node = uint32_t;
  static constexpr Node kAbsent = kNoNode;

  explicit JsonView(const JsonTree& t) : t_(t) {}

  JsonKind kind(Node n) const { return t_.node(n).kind; }
  bool boolean(Node n) const { return t_.node(n).boolean; }
  int64_t integer(Node n) const { return t_.node(n).i; }
  uint64_t uinteger(Node n) const { return t_.node(n).u; }
  std::string_view string(Node n) const { return t_.str(t_.node(n)); }
  Node find(Node obj, std::string_view key) const { return t_.find(obj, key); }
  template <class F>
  bool members(Node obj, F&& f) const {
    for (uint32_t c = obj + 1; c < t_.node(obj).end; c = t_.node(c).end)
      if (!f(t_.key(t_.node(c)), c)) return false;
    return true;
  }
  template <class F>
  bool elements(Node arr, F&& f) const {
    for (uint32_t c = arr + 1; c < t_.node(arr).end; c = t_.node(c).end)
      if (!f(c)) return false;
    return true;
  }

 private:
  const JsonTree& t_;
};

}  // namespace agentpol::request
