// string_literals.cpp — string escapes (`\" \\ \n \t \u{…}`) and `like`
// patterns, where an unescaped `*` separates segments and `\*` is a literal
// star. Part of literals.h; errors point at the offending escape.
#include <fmt/format.h>

#include "parse/literals.h"
#include "diag/utf8.h"

namespace agentpol::parse {
namespace {

using diag::DiagId;

constexpr const char* kStringEscapes = "`\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{…}`";
constexpr const char* kPatternEscapes = "`\\\"`, `\\\\`, `\\n`, `\\t`, `\\u{…}` and `\\*` (a literal star)";

bool isHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

class Decoder {
 public:
  Decoder(std::string_view quoted, bool pattern, LitError* err)
      : s_(quoted), pattern_(pattern), err_(err) {}

  // Decodes the whole literal; false (with *err_ set) on the first bad escape.
  bool run() {
    segments_.emplace_back();
    for (size_t i = 1; i + 1 < s_.size();) {
      char c = s_[i];
      if (pattern_ && c == '*') {
        segments_.emplace_back();
        ++i;
      } else if (c != '\\') {
        segments_.back() += c;
        ++i;
      } else if (!escape(&i)) {
        return false;
      }
    }
    return true;
  }

  std::vector<std::string>& segments() { return segments_; }

 private:
  // Decodes the escape at s_[*i] (a backslash) and advances past it.
  bool escape(size_t* i) {
    char c = s_[*i + 1];
    const char* simple = c == '"' ? "\"" : c == '\\' ? "\\" : c == 'n' ? "\n" : c == 't' ? "\t"
                       : c == '*' && pattern_ ? "*" : nullptr;
    if (simple) {
      segments_.back() += simple;
      *i += 2;
      return true;
    }
    if (c == 'u') return unicode(i);
    char32_t cp;
    size_t len = 1 + std::max<size_t>(1, decodeOne(s_, *i + 1, &cp));
    return fail(DiagId::InvalidEscape, *i, len,
                {std::string(s_.substr(*i, len)), pattern_ ? kPatternEscapes : kStringEscapes});
  }

  // `\u{1F600}`: 1 to 6 hex digits naming a Unicode scalar value.
  bool unicode(size_t* i) {
    size_t start = *i, open = *i + 2, contentEnd = s_.size() - 1;
    size_t close = open + 1;
    if (open < contentEnd && s_[open] == '{')
      while (close < contentEnd && isHex(s_[close])) ++close;
    size_t digits = close - open - 1;
    bool braced = open < contentEnd && s_[open] == '{' && close < contentEnd && s_[close] == '}';
    if (!braced || digits < 1 || digits > 6) {
      bool opened = open < contentEnd && s_[open] == '{';
      size_t len = std::min(braced ? close + 1 : opened ? close : open, contentEnd) - start;
      return fail(DiagId::InvalidUnicodeEscape, start, len,
                  {std::string(s_.substr(start, len)), "expected 1 to 6 hex digits in braces, as in `\\u{1F600}`"});
    }
    auto cp = static_cast<char32_t>(std::stoul(std::string(s_.substr(open + 1, digits)), nullptr, 16));
    size_t len = close + 1 - start;
    std::string text(s_.substr(start, len));
    if (cp >= 0xD800 && cp <= 0xDFFF)
      return fail(DiagId::InvalidUnicodeEscape, start, len,
                  {text, fmt::format("U+{:04X} is a surrogate, not a Unicode scalar value", static_cast<uint32_t>(cp))});
    if (cp > 0x10FFFF)
      return fail(DiagId::InvalidUnicodeEscape, start, len, {text, "the largest code point is U+10FFFF"});
    appendUtf8(segments_.back(), cp);
    *i = close + 1;
    return true;
  }

  bool fail(DiagId id, size_t offset, size_t len, std::vector<std::string> args) {
    *err_ = LitError{id, std::move(args), static_cast<uint32_t>(offset), static_cast<uint32_t>(len)};
    return false;
  }

  std::string_view s_;
  bool pattern_;
  LitError* err_;
  std::vector<std::string> segments_;
};

}  // namespace

std::optional<std::string> decodeString(std::string_view quoted, LitError* err) {
  Decoder d(quoted, false, err);
  if (!d.run()) return std::nullopt;
  return std::move(d.segments().front());
}

std::optional<std::vector<std::string>> decodeLikePattern(std::string_view quoted, LitError* err) {
  Decoder d(quoted, true, err);
  if (!d.run()) return std::nullopt;
  return std::move(d.segments());
}

}  // namespace agentpol::parse
