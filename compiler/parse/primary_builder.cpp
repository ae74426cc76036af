// primary_builder.cpp — AstBuilder for primary expressions: literals (decoded
// and validated through literals.h), names, calls, the request keywords, set
// literals and parentheses (which leave no node of their own).
#include "parse/ast_builder.h"

namespace agentpol::parse {

using KW = ast::KeywordExpr::Which;

ast::ExprPtr AstBuilder::primary(Parser::PrimaryContext* ctx) {
  SourceRange r = range(ctx);
  if (auto* c = dynamic_cast<Parser::ParenExprContext*>(ctx)) return expr(c->expr());
  if (auto* c = dynamic_cast<Parser::NameExprContext*>(ctx)) return std::make_unique<ast::NameExpr>(text(c->ID()), r);
  if (auto* c = dynamic_cast<Parser::CallExprContext*>(ctx)) {
    auto call = std::make_unique<ast::CallExpr>(ident(c->ID()), r);
    call->args = args(c->argList());
    return call;
  }
  if (auto* c = dynamic_cast<Parser::SetLitContext*>(ctx)) {
    auto set = std::make_unique<ast::SetLit>(r);
    for (Parser::ExprContext* e : c->expr()) set->elements.push_back(expr(e));
    return set;
  }
  if (dynamic_cast<Parser::HasUserExprContext*>(ctx)) return std::make_unique<ast::HasUserExpr>(r);
  if (auto* c = dynamic_cast<Parser::HasNameExprContext*>(ctx)) return std::make_unique<ast::HasNameExpr>(ident(c->ID()), r);
  if (dynamic_cast<Parser::NowExprContext*>(ctx)) return std::make_unique<ast::KeywordExpr>(KW::Now, r);
  if (dynamic_cast<Parser::AgentExprContext*>(ctx)) return std::make_unique<ast::KeywordExpr>(KW::Agent, r);
  if (dynamic_cast<Parser::UserExprContext*>(ctx)) return std::make_unique<ast::KeywordExpr>(KW::User, r);
  if (dynamic_cast<Parser::ContextExprContext*>(ctx)) return std::make_unique<ast::KeywordExpr>(KW::Context, r);
  return literal(ctx);
}

// A literal that fails validation is reported and kept with value 0, so the
// tree stays whole for later stages.
ast::ExprPtr AstBuilder::literal(Parser::PrimaryContext* ctx) {
  SourceRange r = range(ctx);
  LitError err;
  auto value = [&](std::optional<int64_t> v) {
    if (!v) report(err, r);
    return v.value_or(0);
  };
  if (dynamic_cast<Parser::TrueLitContext*>(ctx)) return std::make_unique<ast::BoolLit>(true, r);
  if (dynamic_cast<Parser::FalseLitContext*>(ctx)) return std::make_unique<ast::BoolLit>(false, r);
  if (auto* c = dynamic_cast<Parser::IntLitContext*>(ctx))
    return std::make_unique<ast::IntLit>(value(decodeInt(text(c->INT()), &err)), r);
  if (auto* c = dynamic_cast<Parser::DurationLitContext*>(ctx))
    return std::make_unique<ast::DurationLit>(value(decodeDuration(text(c->DURATION()), &err)), r);
  if (auto* c = dynamic_cast<Parser::TimeLitContext*>(ctx))
    return std::make_unique<ast::TimeLit>(value(decodeTime(text(c->TIME()), &err)), r);
  if (auto* c = dynamic_cast<Parser::StringLitContext*>(ctx))
    return std::make_unique<ast::StringLit>(decodeStringToken(c->STRING()), r);
  if (auto* c = dynamic_cast<Parser::MoneyLitContext*>(ctx)) return money(c);
  auto* c = need(dynamic_cast<Parser::DecimalLitContext*>(ctx));
  std::string digits = text(c->DECIMAL());
  diags_.report(diag::DiagId::DecimalNeedsCurrency, r, digits, digits);
  return std::make_unique<ast::IntLit>(0, r);
}

ast::ExprPtr AstBuilder::money(Parser::MoneyLitContext* ctx) {
  antlr4::tree::TerminalNode* amount = ctx->INT() ? ctx->INT() : ctx->DECIMAL();
  ast::Ident currency = ident(ctx->ID());
  LitError err;
  std::optional<int64_t> minor = decodeMoneyAmount(text(amount), &err);
  if (!minor) report(err, range(amount));
  if (!isCurrencyCode(currency.name)) diags_.report(diag::DiagId::InvalidCurrency, currency.range, currency.name);
  return std::make_unique<ast::MoneyLit>(minor.value_or(0), currency.name, range(ctx));
}

}  // namespace agentpol::parse
