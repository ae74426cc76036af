// source_manager.cpp — line tables and offset -> line/column mapping.
#include "diag/source_manager.h"

#include <algorithm>

namespace agentpol::diag {

FileId SourceManager::addFile(std::string path, std::string text) {
  File f{std::move(path), std::move(text), {0}};
  for (uint32_t i = 0; i < f.text.size(); ++i)
    if (f.text[i] == '\n') f.lineStarts.push_back(i + 1);
  files_.push_back(std::move(f));
  return static_cast<FileId>(files_.size() - 1);
}

LineCol SourceManager::lineCol(FileId f, uint32_t offset) const {
  const File& file = files_.at(f);
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(file.text.size()));
  auto it = std::upper_bound(file.lineStarts.begin(), file.lineStarts.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - file.lineStarts.begin());
  uint32_t col = 1;
  for (uint32_t i = file.lineStarts[line - 1]; i < offset; ++i)
    if ((static_cast<unsigned char>(file.text[i]) & 0xC0) != 0x80) ++col;  // skip UTF-8 continuation bytes
  return {line, col};
}

std::string_view SourceManager::lineText(FileId f, uint32_t line) const {
  const File& file = files_.at(f);
  if (line == 0 || line > file.lineStarts.size()) return {};
  uint32_t begin = file.lineStarts[line - 1];
  uint32_t end = line < file.lineStarts.size() ? file.lineStarts[line] : static_cast<uint32_t>(file.text.size());
  std::string_view s(file.text.data() + begin, end - begin);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string SourceManager::snippet(const SourceRange& r) const {
  if (!r.valid() || r.file >= files_.size() || r.end > files_[r.file].text.size() || r.begin >= r.end) return "";
  std::string text;
  bool space = false;
  for (char ch : std::string_view(files_[r.file].text).substr(r.begin, r.end - r.begin)) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      space = !text.empty();
      continue;
    }
    if (space) text += ' ';
    space = false;
    text += ch;
  }
  return text;
}

}  // namespace agentpol::diag
