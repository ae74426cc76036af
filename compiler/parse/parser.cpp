// parser.cpp — parseFile, the parse stage's pipeline for one file: UTF-8 check
// -> lexer -> lexical errors -> nesting/size limits -> ANTLR parser, one
// declaration at a time (a broken one is skipped up to the next) -> AST.
#include "parse/parser.h"

#include "AgentPolLexer.h"
#include "AgentPolParser.h"
#include "parse/ast_builder.h"
#include "parse/char_stream.h"
#include "parse/error_strategy.h"
#include "parse/lexical_check.h"
#include "parse/nesting_check.h"
#include "diag/utf8.h"

namespace agentpol::parse {
namespace {

constexpr size_t kMaxUtf8Reports = 10;

// Reports each invalid UTF-8 run; false when there was any.
bool checkUtf8(std::string_view src, FileId id, diag::DiagnosticEngine& diags) {
  std::vector<BadUtf8> bad = findInvalidUtf8(src, kMaxUtf8Reports);
  for (const BadUtf8& b : bad) {
    std::string bytes;
    for (uint32_t i = b.begin; i < b.end && i < b.begin + 8; ++i)
      bytes += fmt::format("\\x{:02X}", static_cast<unsigned char>(src[i]));
    if (b.end - b.begin > 8) bytes += "…";
    diags.report(diag::DiagId::InvalidUtf8, SourceRange{id, b.begin, b.end}, bytes);
  }
  return bad.empty();
}

std::vector<Tok> defaultChannelTokens(antlr4::CommonTokenStream& tokens, const DecodedText& text) {
  std::vector<Tok> out;
  for (antlr4::Token* t : tokens.getTokens())
    if (t->getChannel() == antlr4::Token::DEFAULT_CHANNEL) out.push_back(toTok(t, text));
  return out;
}

bool withinLimits(const std::vector<Tok>& toks, FileId id, diag::DiagnosticEngine& diags) {
  std::optional<LimitViolation> v = checkLimits(toks, kMaxNesting, kMaxOperators);
  if (!v) return true;
  const Tok& t = toks[v->tokenIndex];
  SourceRange r{id, t.begin, t.end};
  if (v->kind == LimitViolation::Kind::Nesting) diags.report(diag::DiagId::NestingTooDeep, r, kMaxNesting);
  else diags.report(diag::DiagId::ExpressionTooLong, r, kMaxOperators);
  return false;
}

// After a broken declaration: skip past the next `;`, or up to the next token
// that starts a declaration, always moving at least one token.
void skipToNextDecl(antlr4::CommonTokenStream& tokens, size_t startIndex) {
  if (tokens.index() == startIndex && tokens.LA(1) != antlr4::Token::EOF) tokens.consume();
  while (tokens.LA(1) != antlr4::Token::EOF) {
    std::vector<Tok> next;
    for (ssize_t k = 1; k <= 3; ++k) next.push_back(Tok{tokens.LA(k), 0, 0});
    if (startsDecl(next, 0)) return;
    tokens.consume();
    if (next[0].type == Parser::SEMI) return;
  }
}

void parseDecls(antlr4::CommonTokenStream& tokens, const DecodedText& text, std::string_view src, ast::File& file,
                diag::DiagnosticEngine& diags) {
  Parser parser(&tokens);
  parser.removeErrorListeners();
  auto strategy = std::make_shared<SyntaxErrorStrategy>(text, src, file.id, diags);
  parser.setErrorHandler(strategy);
  AstBuilder builder(text, src, file.id, diags);
  while (tokens.LA(1) != antlr4::Token::EOF) {
    size_t start = tokens.index();
    strategy->startDeclaration();
    try {
      Parser::DeclContext* ctx = parser.decl();
      if (ast::DeclPtr decl = builder.buildDecl(ctx)) file.decls.push_back(std::move(decl));
    } catch (const DeclAbort&) {
      skipToNextDecl(tokens, start);
    }
  }
}

}  // namespace

ast::File parseFile(const diag::SourceManager& sm, FileId id, diag::DiagnosticEngine& diags) {
  ast::File file;
  file.id = id;
  file.path = sm.path(id);
  const std::string& src = sm.text(id);
  if (src.size() >= UINT32_MAX) {
    diags.report(diag::DiagId::SyntaxError, SourceRange{}, fmt::format("`{}` is too large to parse", file.path));
    return file;
  }
  if (!checkUtf8(src, id, diags)) return file;  // the lexer needs valid text; stop here

  uint32_t start = src.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // a leading BOM is not text
  DecodedText text = decodeUtf8(src, start);
  CodePointStream chars(text, src, file.path);
  agentpol_grammar::AgentPolLexer lexer(&chars);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();

  std::vector<Tok> toks = defaultChannelTokens(tokens, text);
  reportLexicalErrors(toks, src, id, diags);
  if (!withinLimits(toks, id, diags)) return file;  // the parser recurses: do not run it
  parseDecls(tokens, text, src, file, diags);
  return file;
}

}  // namespace agentpol::parse
