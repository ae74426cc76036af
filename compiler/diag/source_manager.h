// source_manager.h — owns the text of every source file of a compilation
// (user files and stdlib modules) and maps byte offsets to 1-based line and
// column numbers for diagnostics. Columns count Unicode code points.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ast/source_range.h"

namespace agentpol::diag {

struct LineCol {
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based, in code points
};

class SourceManager {
 public:
  FileId addFile(std::string path, std::string text);

  const std::string& path(FileId f) const { return files_.at(f).path; }
  const std::string& text(FileId f) const { return files_.at(f).text; }
  size_t fileCount() const { return files_.size(); }

  LineCol lineCol(FileId f, uint32_t offset) const;
  // The text of a 1-based line, without its line terminator.
  std::string_view lineText(FileId f, uint32_t line) const;
  // The source text of `r` on one line: runs of whitespace become one space
  // (`amount <= 50 EUR`); "" when `r` is not a range of a known file.
  std::string snippet(const SourceRange& r) const;

 private:
  struct File {
    std::string path;
    std::string text;
    std::vector<uint32_t> lineStarts;  // byte offset of each line's start
  };
  std::vector<File> files_;
};

}  // namespace agentpol::diag
