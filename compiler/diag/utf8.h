// utf8.h — strict UTF-8 validation, decoding and encoding, shared by every
// stage that handles text: the parse stage runs it before ANTLR sees a file
// (invalid bytes become E0001, decoded code points feed the lexer), the
// renderers print source excerpts with it, and the verifier converts strings.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace agentpol {

// A source file as code points. `byteOffset[i]` is the byte offset of code
// point i; it has one extra entry (the file size) so that the end of the last
// code point maps too.
struct DecodedText {
  std::vector<char32_t> codePoints;
  std::vector<uint32_t> byteOffset;
  uint32_t byteOf(size_t codePointIndex) const {
    return byteOffset[codePointIndex < byteOffset.size() ? codePointIndex : byteOffset.size() - 1];
  }
};

// A maximal run of bytes that are not valid UTF-8: [begin, end).
struct BadUtf8 {
  uint32_t begin;
  uint32_t end;
};

// Length of the valid UTF-8 sequence starting at text[pos], or 0 when the
// bytes there are not one (overlong forms, surrogates, values above U+10FFFF
// and truncated sequences are all invalid). Stores the value in `*cp`.
size_t decodeOne(std::string_view text, size_t pos, char32_t* cp);

// Every invalid run in `text`, in order (at most `limit` of them).
std::vector<BadUtf8> findInvalidUtf8(std::string_view text, size_t limit);

// Decodes text known to be valid UTF-8, starting at byte `start` (past a BOM).
DecodedText decodeUtf8(std::string_view text, uint32_t start);

// Appends the UTF-8 encoding of a scalar value.
void appendUtf8(std::string& out, char32_t cp);

}  // namespace agentpol
