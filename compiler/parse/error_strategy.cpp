// error_strategy.cpp — SyntaxErrorStrategy: ANTLR's error hooks rerouted to
// one E0005 per declaration. Recovery is deliberately small: an extra token
// the next token makes obviously extraneous is deleted, a `;` missing before
// the next declaration is inserted; anything else aborts the declaration.
#include "parse/error_strategy.h"

#include <algorithm>

#include "AgentPolParser.h"
#include "parse/syntax_messages.h"

namespace agentpol::parse {
namespace {

using P = agentpol_grammar::AgentPolParser;

bool isDeclRule(size_t rule) {
  switch (rule) {
    case P::RuleNamespaceDecl: case P::RuleImportDecl: case P::RuleEnumDecl: case P::RuleRecordDecl:
    case P::RuleEntityDecl: case P::RuleActionDecl: case P::RuleContextDecl: case P::RuleAgentDecl:
    case P::RuleDefDecl: case P::RuleRuleDecl: case P::RuleAssertDecl:
      return true;
    default:
      return false;
  }
}

size_t enclosingDeclRule(antlr4::RuleContext* ctx, size_t fallback) {
  for (; ctx; ctx = dynamic_cast<antlr4::RuleContext*>(ctx->parent))
    if (isDeclRule(ctx->getRuleIndex())) return ctx->getRuleIndex();
  return fallback;
}

std::vector<size_t> tokenTypes(const antlr4::misc::IntervalSet& set) {
  std::vector<size_t> out;
  for (ssize_t t : set.toList()) {
    if (t == static_cast<ssize_t>(antlr4::Token::EOF)) out.push_back(kEofType);
    else if (t > 0) out.push_back(static_cast<size_t>(t));
  }
  return out;
}

// In a comma-separated list a missing `,` is as likely as a missing closer,
// but ANTLR only knows the closer is expected once the list loop has exited.
void addListComma(antlr4::RuleContext* ctx, std::vector<size_t>& expected) {
  bool list = dynamic_cast<P::CallExprContext*>(ctx) || dynamic_cast<P::MethodCallExprContext*>(ctx) ||
              dynamic_cast<P::SetLitContext*>(ctx) || dynamic_cast<P::EnumDeclContext*>(ctx) ||
              dynamic_cast<P::RecordDeclContext*>(ctx) || dynamic_cast<P::EntityDeclContext*>(ctx) ||
              dynamic_cast<P::ContextDeclContext*>(ctx) || dynamic_cast<P::ActionDeclContext*>(ctx) ||
              dynamic_cast<P::DefDeclContext*>(ctx) || dynamic_cast<P::AgentDeclContext*>(ctx) ||
              dynamic_cast<P::AgentListContext*>(ctx) || dynamic_cast<P::ActionListContext*>(ctx);
  auto has = [&](size_t t) { return std::find(expected.begin(), expected.end(), t) != expected.end(); };
  bool closer = has(P::RPAREN) || has(P::RBRACK) || has(P::RBRACE);
  if (list && closer && !has(P::COMMA)) expected.insert(expected.begin(), P::COMMA);
}

}  // namespace

Tok toTok(const antlr4::Token* t, const DecodedText& text) {
  if (t->getType() == antlr4::Token::EOF || t->getStartIndex() == INVALID_INDEX) {
    uint32_t end = text.byteOffset.back();
    return Tok{t->getType(), end, end};
  }
  return Tok{t->getType(), text.byteOf(t->getStartIndex()), text.byteOf(t->getStopIndex() + 1)};
}

void SyntaxErrorStrategy::reportError(antlr4::Parser* parser, const antlr4::RecognitionException& e) {
  report(parser, e.getOffendingToken(), e.getExpectedTokens(), e.getCtx());
}

void SyntaxErrorStrategy::recover(antlr4::Parser*, std::exception_ptr) { throw DeclAbort{}; }

void SyntaxErrorStrategy::sync(antlr4::Parser*) {}

antlr4::Token* SyntaxErrorStrategy::recoverInline(antlr4::Parser* parser) {
  if (antlr4::Token* t = singleTokenDeletion(parser)) {
    parser->consume();
    return t;
  }
  if (missingSemicolonBeforeDecl(parser)) {
    report(parser, parser->getCurrentToken(), parser->getExpectedTokens(), parser->getContext());
    return getMissingSymbol(parser);
  }
  report(parser, parser->getCurrentToken(), parser->getExpectedTokens(), parser->getContext());
  throw DeclAbort{};
}

void SyntaxErrorStrategy::reportUnwantedToken(antlr4::Parser* parser) {
  // Deleting a lexical error token is silent: it was reported by the lexical check.
  if (isErrorToken(parser->getCurrentToken()->getType())) return;
  report(parser, parser->getCurrentToken(), getExpectedTokens(parser), parser->getContext());
}

void SyntaxErrorStrategy::reportMissingToken(antlr4::Parser* parser) {
  report(parser, parser->getCurrentToken(), getExpectedTokens(parser), parser->getContext());
}

// A declaration that lacks only its final `;` before the next declaration.
bool SyntaxErrorStrategy::missingSemicolonBeforeDecl(antlr4::Parser* parser) {
  if (!parser->getExpectedTokens().contains(static_cast<size_t>(P::SEMI))) return false;
  antlr4::TokenStream* in = parser->getTokenStream();
  std::vector<Tok> next;
  for (ssize_t k = 1; k <= 3; ++k) next.push_back(Tok{in->LA(k), 0, 0});
  return next[0].type == antlr4::Token::EOF || startsDecl(next, 0);
}

Tok SyntaxErrorStrategy::previousTok(antlr4::Parser* parser, antlr4::Token* t) const {
  antlr4::TokenStream* in = parser->getTokenStream();
  for (size_t i = t->getTokenIndex(); i != INVALID_INDEX && i-- > 0;) {
    antlr4::Token* p = in->get(i);
    if (p->getChannel() == antlr4::Token::DEFAULT_CHANNEL) return toTok(p, text_);
  }
  return Tok{0, 0, 0};
}

void SyntaxErrorStrategy::report(antlr4::Parser* parser, antlr4::Token* offending,
                                 const antlr4::misc::IntervalSet& expected, antlr4::RuleContext* ctx) {
  if (silenced_) return;
  silenced_ = true;  // one message per declaration: the rest would be cascades
  if (!offending || isErrorToken(offending->getType())) return;  // reported by the lexical check
  reportedAny_ = true;
  SyntaxSituation s;
  s.expected = tokenTypes(expected);
  addListComma(ctx, s.expected);
  s.rule = ctx ? ctx->getRuleIndex() : static_cast<size_t>(P::RuleFile);
  s.declRule = enclosingDeclRule(ctx, s.rule);
  s.found = toTok(offending, text_);
  s.previous = previousTok(parser, offending);
  SyntaxMessage m = describeSyntaxError(s, src_);
  diags_.report(diag::DiagId::SyntaxError, SourceRange{file_, m.begin, m.end}, m.text);
}

}  // namespace agentpol::parse
