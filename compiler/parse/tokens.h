// tokens.h — the parse stage's light view of a lexed token (type + byte range),
// so the lexical and limit checks and the message helpers need no ANTLR type.
// Token type numbers are those of the generated AgentPolLexer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace agentpol::parse {

struct Tok {
  size_t type;     // AgentPolLexer token type (or kEofType)
  uint32_t begin;  // byte offset
  uint32_t end;    // byte offset one past the last byte
};

inline constexpr size_t kEofType = static_cast<size_t>(-1);

// The token's source text.
inline std::string_view tokText(std::string_view src, const Tok& t) {
  return src.substr(t.begin, t.end - t.begin);
}

// Lexer-level error tokens (reported by the lexical check, never again by the parser).
bool isErrorToken(size_t type);
// Keywords (reserved words) of spec section 2.
bool isKeyword(size_t type);
// Tokens that can start a declaration on their own (`agent` and `context`
// need a look at what follows; see startsDecl).
bool startsDecl(const std::vector<Tok>& toks, size_t i);

// How a token type is named in messages: `when`, `;`, "a name", "a string",
// "a number", "end of file".
std::string tokenTypeName(size_t type);
// How a concrete token is named in messages: `when`, name `foo`, number `42`,
// string "…" (shortened), end of file.
std::string describeToken(std::string_view src, const Tok& t);

}  // namespace agentpol::parse
