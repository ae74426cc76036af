// utf8.cpp — utf8_next(), valid_utf8(), code_point_text() and name_problem()
// (see utf8.h).
#include "bundle/utf8.h"

#include <cstdio>

namespace agentpol {

std::string code_point_text(int32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

std::string name_problem(std::string_view name, size_t max_bytes, std::string (*refuse)(int32_t)) {
  if (name.empty()) return "it is empty";
  if (name.size() > max_bytes)
    return "it is " + std::to_string(name.size()) + " bytes long (at most " + std::to_string(max_bytes) + ")";
  const auto* s = reinterpret_cast<const uint8_t*>(name.data());
  for (size_t i = 0; i < name.size();) {
    int32_t c = utf8_next(s, name.size(), &i);
    if (c < 0) return "it is not valid UTF-8";
    std::string why = refuse(c);
    if (!why.empty()) return why;
  }
  return "";
}

int32_t utf8_next(const uint8_t* s, size_t n, size_t* i) {
  uint8_t c = s[*i];
  size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || *i + len > n) return -1;
  uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
  for (size_t k = 1; k < len; ++k) {
    if ((s[*i + k] & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (s[*i + k] & 0x3Fu);
  }
  static const uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
  *i += len;
  return static_cast<int32_t>(cp);
}

bool valid_utf8(const uint8_t* s, size_t n) {
  for (size_t i = 0; i < n;)
    if (utf8_next(s, n, &i) < 0) return false;
  return true;
}

}  // namespace agentpol
