// render.cpp — text (with source line and caret) and JSON rendering.
#include "diag/render.h"

#include "diag/utf8.h"

#include <nlohmann/json.hpp>

namespace agentpol::diag {
namespace {

const char* severityName(Severity s) { return s == Severity::Error ? "error" : "warning"; }

std::string locationPrefix(const SourceManager& sm, const SourceRange& r) {
  if (!r.valid()) return "agentpolc: ";
  LineCol lc = sm.lineCol(r.file, r.begin);
  return fmt::format("{}:{}:{}: ", sm.path(r.file), lc.line, lc.column);
}

// Padding that lines the caret up under the source: tabs stay tabs, every
// other code point becomes one space.
std::string padFor(std::string_view prefix) {
  std::string pad;
  for (unsigned char c : prefix) {
    if (c == '\t') pad += '\t';
    else if ((c & 0xC0) != 0x80) pad += ' ';
  }
  return pad;
}

// Source text as printable UTF-8: each byte of an invalid sequence becomes
// U+FFFD, so a file with bad bytes (E0001) still renders as valid text.
std::string sanitized(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    size_t n = decodeOne(s, i, &cp);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

size_t codePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string sourceExcerpt(const SourceManager& sm, const SourceRange& r) {
  if (!r.valid()) return {};
  LineCol start = sm.lineCol(r.file, r.begin);
  std::string_view raw = sm.lineText(r.file, start.line);
  // Byte offsets of the range within its first line (clipped to the line).
  uint32_t lineStart = r.begin;
  const std::string& text = sm.text(r.file);
  while (lineStart > 0 && text[lineStart - 1] != '\n') --lineStart;
  size_t col = std::min<size_t>(r.begin - lineStart, raw.size());
  size_t endCol = std::min<size_t>(r.end > r.begin ? r.end - lineStart : col + 1, raw.size());
  size_t width = endCol > col ? codePoints(sanitized(raw.substr(col, endCol - col))) : 1;

  std::string gutter = fmt::format("{:>5}", start.line);
  std::string out = fmt::format("{} | {}\n", gutter, sanitized(raw));
  out += fmt::format("{} | {}^{}\n", std::string(gutter.size(), ' '), padFor(sanitized(raw.substr(0, col))),
                     std::string(width > 1 ? width - 1 : 0, '~'));
  return out;
}

}  // namespace

std::string renderText(const SourceManager& sm, const Diagnostic& d) {
  std::string out = fmt::format("{}{}[{}]: {}\n", locationPrefix(sm, d.range), severityName(d.severity()),
                                d.code(), d.message);
  out += sourceExcerpt(sm, d.range);
  for (const Note& n : d.notes) {
    out += fmt::format("{}note: {}\n", locationPrefix(sm, n.range), n.message);
    out += sourceExcerpt(sm, n.range);
  }
  return out;
}

std::string renderJson(const SourceManager& sm, const std::vector<Diagnostic>& diags) {
  auto located = [&](nlohmann::json& j, const SourceRange& r) {
    if (!r.valid()) return;
    LineCol b = sm.lineCol(r.file, r.begin);
    LineCol e = sm.lineCol(r.file, r.end > r.begin ? r.end : r.begin);
    j["file"] = sm.path(r.file);
    j["line"] = b.line;
    j["column"] = b.column;
    j["end_line"] = e.line;
    j["end_column"] = e.column;
  };
  nlohmann::json list = nlohmann::json::array();
  for (const Diagnostic& d : diags) {
    nlohmann::json j;
    j["code"] = d.code();
    j["severity"] = severityName(d.severity());
    located(j, d.range);
    j["message"] = d.message;
    nlohmann::json notes = nlohmann::json::array();
    for (const Note& n : d.notes) {
      nlohmann::json nj;
      located(nj, n.range);
      nj["message"] = n.message;
      notes.push_back(std::move(nj));
    }
    j["notes"] = std::move(notes);
    list.push_back(std::move(j));
  }
  nlohmann::json root;
  root["diagnostics"] = std::move(list);
  // Invalid UTF-8 in a message (quoted source) is replaced, never thrown on.
  return root.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace agentpol::diag
