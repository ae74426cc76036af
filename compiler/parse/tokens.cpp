// tokens.cpp — token classification and the readable names used in syntax
// messages (`when`, "a name", "end of file"), from the generated lexer's
// vocabulary so the names always match grammar/AgentPol.g4.
#include "parse/tokens.h"

#include <fmt/format.h>

#include <antlr4-runtime.h>

#include "AgentPolLexer.h"

namespace agentpol::parse {
namespace {

using L = agentpol_grammar::AgentPolLexer;

const antlr4::dfa::Vocabulary& vocabulary() {
  static antlr4::ANTLRInputStream empty("");
  static L lexer(&empty);
  return lexer.getVocabulary();
}

// `'when'` -> `when`; empty when the type has no literal spelling.
std::string literalOf(size_t type) {
  std::string lit = vocabulary().getLiteralName(type);
  if (lit.size() >= 2 && lit.front() == '\'' && lit.back() == '\'') return lit.substr(1, lit.size() - 2);
  return {};
}

// Source text shortened for a message (first line, at most 24 code points).
std::string shortText(std::string_view text) {
  std::string out;
  size_t cps = 0;
  for (char c : text) {
    if (c == '\n' || c == '\r') break;
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++cps > 24) {
      out += "…";
      break;
    }
    out += c;
  }
  return out;
}

}  // namespace

bool isErrorToken(size_t type) {
  return type == L::ERROR_CHAR || type == L::UNTERMINATED_STRING || type == L::UNTERMINATED_COMMENT ||
         type == L::BAD_NUMBER;
}

bool isKeyword(size_t type) { return type >= L::NAMESPACE && type <= L::NOW; }

bool startsDecl(const std::vector<Tok>& toks, size_t i) {
  auto typeAt = [&](size_t k) { return k < toks.size() ? toks[k].type : kEofType; };
  switch (typeAt(i)) {
    case L::AT: case L::NAMESPACE: case L::IMPORT: case L::ENUM: case L::RECORD: case L::ENTITY:
    case L::ACTION: case L::DEF: case L::PERMIT: case L::FORBID: case L::ESCALATE: case L::ASSERT:
      return true;
    case L::AGENT:  // `agent NAME {` declares an agent; `agent.id` is an expression
      return typeAt(i + 1) == L::ID && typeAt(i + 2) == L::LBRACE;
    case L::CONTEXT:  // `context {` declares the context record
      return typeAt(i + 1) == L::LBRACE;
    default:
      return false;
  }
}

std::string tokenTypeName(size_t type) {
  switch (type) {
    case kEofType: return "end of file";
    case L::ID: return "a name";
    case L::STRING: return "a string";
    case L::INT: return "a number";
    case L::DECIMAL: return "a decimal number";
    case L::DURATION: return "a duration";
    case L::TIME: return "a time";
    default: break;
  }
  std::string lit = literalOf(type);
  if (!lit.empty()) return fmt::format("`{}`", lit);
  return vocabulary().getDisplayName(type);
}

std::string describeToken(std::string_view src, const Tok& t) {
  std::string text = shortText(tokText(src, t));
  switch (t.type) {
    case kEofType: return "end of file";
    case L::ID: return fmt::format("name `{}`", text);
    case L::STRING: return fmt::format("string {}", text);
    case L::INT: case L::DECIMAL: return fmt::format("number `{}`", text);
    case L::DURATION: return fmt::format("duration `{}`", text);
    case L::TIME: return fmt::format("time `{}`", text);
    default: break;
  }
  if (isKeyword(t.type)) return fmt::format("keyword `{}`", text);
  return fmt::format("`{}`", text);
}

}  // namespace agentpol::parse
