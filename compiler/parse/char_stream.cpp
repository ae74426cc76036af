// char_stream.cpp — CodePointStream: the lexer's input, indexed by code point,
// with getText() slicing the original UTF-8 bytes through the offset table.
#include "parse/char_stream.h"

namespace agentpol::parse {

void CodePointStream::consume() {
  if (pos_ >= size()) throw antlr4::IllegalStateException("cannot consume EOF");
  ++pos_;
}

size_t CodePointStream::LA(ssize_t i) {
  if (i == 0) return 0;
  ssize_t at = i < 0 ? static_cast<ssize_t>(pos_) + i : static_cast<ssize_t>(pos_) + i - 1;
  if (at < 0 || at >= static_cast<ssize_t>(size())) return antlr4::IntStream::EOF;
  return decoded_.codePoints[static_cast<size_t>(at)];
}

std::string CodePointStream::getText(const antlr4::misc::Interval& interval) {
  if (interval.a < 0 || interval.b < interval.a) return {};
  size_t first = static_cast<size_t>(interval.a);
  size_t last = std::min(static_cast<size_t>(interval.b) + 1, size());
  if (first >= last) return {};
  uint32_t begin = decoded_.byteOf(first);
  uint32_t end = decoded_.byteOf(last);
  return std::string(bytes_.substr(begin, end - begin));
}

}  // namespace agentpol::parse
