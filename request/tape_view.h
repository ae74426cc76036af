// tape_view.h — the value view (value_view.h) of a FastJson tape: nodes are
// tape indices, read in place (no tree is built). A word's top byte is its
// type; `{`/`[` hold the index just past their matching close; numbers take
// two words; a string's payload is an offset into the string buffer (a
// 32-bit length, then the bytes). simdjson keeps no text of a float, and the
// messages quote a float as written (`got the float 5.0`), so string() of a
// float finds its token in the input by counting number tokens: only for a
// message, never on the happy path.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "request/fast_json.h"
#include "request/value_view.h"  // JsonKind, sameName

namespace agentpol::request {

// The number tokens of valid JSON text, in order (strings skipped).
std::string_view numberToken(std::string_view json, uint64_t ordinal);

class TapeView {
 public:
  using Node = uint32_t;
  static constexpr Node kAbsent = 0xffffffffu;
  static constexpr Node kRoot = 1;  // tape[0] is the root word

  explicit TapeView(const FastJson& j) : tape_(j.tape()), strings_(j.strings()), input_(j.input()) {}

  JsonKind kind(Node n) const {
    switch (type(n)) {
      case '{': return JsonKind::Object;
      case '[': return JsonKind::Array;
      case '"': return JsonKind::String;
      case 'l': return JsonKind::Int;
      case 'u': return tape_[n + 1] <= static_cast<uint64_t>(INT64_MAX) ? JsonKind::Int : JsonKind::Uint;
      case 'd': return JsonKind::Float;
      case 't':
      case 'f': return JsonKind::Bool;
      default: return JsonKind::Null;
    }
  }
  bool boolean(Node n) const { return type(n) == 't'; }
  int64_t integer(Node n) const { return static_cast<int64_t>(tape_[n + 1]); }
  uint64_t uinteger(Node n) const { return tape_[n + 1]; }
  std::string_view string(Node n) const {
    if (type(n) == 'd') return floatText(n);
    const uint8_t* at = strings_ + (tape_[n] & kPayload);
    uint32_t len;
    std::memcpy(&len, at, sizeof len);
    return {reinterpret_cast<const char*>(at + sizeof len), len};
  }
  Node find(Node obj, std::string_view key) const {
    Node found = kAbsent;
    members(obj, [&](std::string_view k, Node v) {
      if (!sameName(k, key)) return true;
      found = v;
      return false;
    });
    return found;
  }
  template <class F>
  bool members(Node obj, F&& f) const {
    for (Node i = obj + 1, end = close(obj); i < end; i = after(i + 1))
      if (!f(string(i), i + 1)) return false;
    return true;
  }
  template <class F>
  bool elements(Node arr, F&& f) const {
    for (Node i = arr + 1, end = close(arr); i < end; i = after(i))
      if (!f(i)) return false;
    return true;
  }

 private:
  static constexpr uint64_t kPayload = (uint64_t(1) << 56) - 1;
  char type(Node n) const { return static_cast<char>(tape_[n] >> 56); }
  Node close(Node container) const { return static_cast<uint32_t>(tape_[container]) - 1; }  // its `}` or `]`
  Node after(Node n) const {
    switch (type(n)) {
      case '{':
      case '[': return static_cast<uint32_t>(tape_[n]);
      case 'l':
      case 'u':
      case 'd': return n + 2;
      default: return n + 1;
    }
  }
  std::string_view floatText(Node n) const {
    uint64_t ordinal = 0;
    for (Node i = kRoot; i < n; ++i) {
      char t = type(i);
      if (t == 'l' || t == 'u' || t == 'd') ++ordinal, ++i;
    }
    return numberToken(input_, ordinal);
  }

  const uint64_t* tape_;
  const uint8_t* strings_;
  std::string_view input_;
};

}  // namespace agentpol::request
