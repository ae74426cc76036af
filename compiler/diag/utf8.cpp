// utf8.cpp — strict UTF-8 validation (RFC 3629) and decoding to code points
// with a code-point -> byte offset table, used by the parse stage before ANTLR
// (whose own conversion throws on bad bytes).
#include "diag/utf8.h"

#include <string>

namespace agentpol {
namespace {

bool isCont(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

size_t decodeOne(std::string_view text, size_t pos, char32_t* cp) {
  auto at = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char c = at(pos);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (len == 0 || c > 0xF4 || pos + len > text.size()) return 0;
  for (size_t i = 1; i < len; ++i)
    if (!isCont(at(pos + i))) return 0;
  char32_t v = c & (0x7F >> len);
  for (size_t i = 1; i < len; ++i) v = (v << 6) | (at(pos + i) & 0x3F);
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (v < kMin[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return len;
}

std::vector<BadUtf8> findInvalidUtf8(std::string_view text, size_t limit) {
  std::vector<BadUtf8> bad;
  size_t pos = 0;
  while (pos < text.size() && bad.size() < limit) {
    char32_t cp;
    if (size_t n = decodeOne(text, pos, &cp)) {
      pos += n;
      continue;
    }
    size_t begin = pos++;
    while (pos < text.size() && decodeOne(text, pos, &cp) == 0) ++pos;
    bad.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(pos)});
  }
  return bad;
}

DecodedText decodeUtf8(std::string_view text, uint32_t start) {
  DecodedText out;
  out.codePoints.reserve(text.size());
  out.byteOffset.reserve(text.size() + 1);
  size_t pos = start;
  while (pos < text.size()) {
    char32_t cp = 0xFFFD;
    size_t n = decodeOne(text, pos, &cp);
    out.codePoints.push_back(n ? cp : 0xFFFD);
    out.byteOffset.push_back(static_cast<uint32_t>(pos));
    pos += n ? n : 1;
  }
  out.byteOffset.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace agentpol
