// lexical_check.cpp — one diagnostic per lexical error token: E0002 for a run
// of stray characters, E0003/E0004 for unterminated strings and comments,
// E0007 for numbers glued to letters (`12EUR`, `30sec`).
#include "parse/lexical_check.h"

#include <cctype>

#include <fmt/format.h>

#include "AgentPolLexer.h"
#include "diag/utf8.h"

namespace agentpol::parse {
namespace {

using L = agentpol_grammar::AgentPolLexer;

// The character as shown in a message: itself when printable, else `\u{XX}`.
std::string showChar(std::string_view text) {
  char32_t cp = 0;
  size_t n = text.empty() ? 0 : decodeOne(text, 0, &cp);
  if (n == 0) return "?";
  bool printable = cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0) && cp != 0xFEFF &&
                   !(cp >= 0x200B && cp <= 0x200F) && !(cp >= 0x2028 && cp <= 0x202E);
  if (printable) return std::string(text.substr(0, n));
  return fmt::format("\\u{{{:X}}}", static_cast<uint32_t>(cp));
}

// A hint for characters that are close to a token of the language.
const char* charHint(std::string_view c) {
  if (c == "&") return "; did you mean `&&`?";
  if (c == "|") return "; did you mean `||`?";
  if (c == "'") return "; strings are written in double quotes";
  if (c == "#") return "; comments start with `//`";
  return "";
}

// Why `12EUR`, `30sec` or `1.5h` is not a number.
std::string badNumberReason(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
  std::string_view number = text.substr(0, i), letters = text.substr(i);
  bool caps = letters.size() == 3;
  for (char c : letters) caps = caps && c >= 'A' && c <= 'Z';
  if (caps) return fmt::format("put a space between the amount and the currency: `{} {}`", number, letters);
  if (std::string_view("smhd").find(letters[0]) != std::string_view::npos)
    return "a duration is a whole number followed by one of `s`, `m`, `h`, `d`, as in `15m`";
  return "a number cannot be followed by letters";
}

}  // namespace

void reportLexicalErrors(const std::vector<Tok>& toks, std::string_view src, FileId file,
                         diag::DiagnosticEngine& diags) {
  for (size_t i = 0; i < toks.size(); ++i) {
    const Tok& t = toks[i];
    SourceRange r{file, t.begin, t.end};
    switch (t.type) {
      case L::ERROR_CHAR:
        // A run of stray characters is one mistake: report its first.
        if (i > 0 && toks[i - 1].type == L::ERROR_CHAR && toks[i - 1].end == t.begin) break;
        diags.report(diag::DiagId::UnexpectedChar, r, showChar(tokText(src, t)), charHint(tokText(src, t)));
        break;
      case L::UNTERMINATED_STRING:
        diags.report(diag::DiagId::UnterminatedString, SourceRange{file, t.begin, t.begin + 1});
        break;
      case L::UNTERMINATED_COMMENT:
        diags.report(diag::DiagId::UnterminatedComment, SourceRange{file, t.begin, t.begin + 2});
        break;
      case L::BAD_NUMBER:
        diags.report(diag::DiagId::MalformedNumber, r, tokText(src, t), badNumberReason(tokText(src, t)));
        break;
      default:
        break;
    }
  }
}

}  // namespace agentpol::parse
