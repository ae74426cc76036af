// source_range.h — where a piece of the AST came from: a file id (index into
// diag::SourceManager) and a half-open byte range [begin, end) in that file.
// Every AST node carries one; diagnostics turn it into line, column and caret.
#pragma once

#include <cstdint>

namespace agentpol {

using FileId = uint32_t;
inline constexpr FileId kNoFile = UINT32_MAX;

struct SourceRange {
  FileId file = kNoFile;
  uint32_t begin = 0;  // byte offset of the first character
  uint32_t end = 0;    // byte offset one past the last character

  bool valid() const { return file != kNoFile; }
  static SourceRange cover(const SourceRange& a, const SourceRange& b) {
    if (!a.valid()) return b;
    if (!b.valid()) return a;
    return {a.file, a.begin < b.begin ? a.begin : b.begin, a.end > b.end ? a.end : b.end};
  }
};

}  // namespace agentpol
