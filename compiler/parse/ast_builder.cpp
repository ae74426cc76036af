// ast_builder.cpp — AstBuilder's entry point and the helpers every builder
// part shares: byte ranges from ANTLR tokens (code-point indices mapped
// through DecodedText), identifiers, and literal errors as diagnostics.
#include "parse/ast_builder.h"

#include "parse/error_strategy.h"

namespace agentpol::parse {

ast::DeclPtr AstBuilder::buildDecl(Parser::DeclContext* ctx) {
  try {
    ast::DeclPtr decl = declBody(need(ctx->declBody()));
    for (Parser::AnnotationContext* a : ctx->annotation()) decl->annotations.push_back(annotation(a));
    return decl;
  } catch (const BuildIncomplete&) {
    return nullptr;
  }
}

SourceRange AstBuilder::range(antlr4::Token* tok) const {
  Tok t = toTok(need(tok), text_);
  return SourceRange{file_, t.begin, t.end};
}

SourceRange AstBuilder::range(antlr4::tree::TerminalNode* node) const { return range(need(node)->getSymbol()); }

SourceRange AstBuilder::range(antlr4::ParserRuleContext* ctx) const {
  need(ctx);
  SourceRange first = range(ctx->getStart());
  antlr4::Token* stop = ctx->getStop();
  // An empty rule (possible after recovery) ends where it starts.
  if (!stop || stop->getTokenIndex() < ctx->getStart()->getTokenIndex()) return {file_, first.begin, first.begin};
  return SourceRange::cover(first, range(stop));
}

std::string AstBuilder::text(antlr4::tree::TerminalNode* node) const {
  SourceRange r = range(node);
  return std::string(src_.substr(r.begin, r.end - r.begin));
}

ast::Ident AstBuilder::ident(antlr4::tree::TerminalNode* node) const { return ast::Ident{text(node), range(node)}; }

std::string AstBuilder::decodeStringToken(antlr4::tree::TerminalNode* node) {
  LitError err;
  std::string raw = text(node);
  if (auto v = decodeString(raw, &err)) return std::move(*v);
  report(err, range(node));
  return raw;
}

void AstBuilder::report(const LitError& err, SourceRange literal) {
  SourceRange r = literal;
  if (err.length > 0) r = SourceRange{file_, literal.begin + err.offset, literal.begin + err.offset + err.length};
  const auto& a = err.args;
  switch (a.size()) {
    case 0: diags_.report(err.id, r); break;
    case 1: diags_.report(err.id, r, a[0]); break;
    default: diags_.report(err.id, r, a[0], a[1]); break;
  }
}

}  // namespace agentpol::parse
