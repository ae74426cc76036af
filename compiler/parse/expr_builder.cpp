// expr_builder.cpp — AstBuilder for expressions: operators (with operator
// ranges), postfix attribute and method access, `like` patterns, and the
// check that comparisons are not chained (`a < b < c`, E0019).
#include "parse/ast_builder.h"

namespace agentpol::parse {
namespace {

using BinOp = ast::BinaryExpr::Op;

BinOp compareOp(size_t tokenType) {
  switch (tokenType) {
    case Parser::EQ: return BinOp::Eq;
    case Parser::NE: return BinOp::Ne;
    case Parser::LT: return BinOp::Lt;
    case Parser::LE: return BinOp::Le;
    case Parser::GT: return BinOp::Gt;
    case Parser::GE: return BinOp::Ge;
    default: return BinOp::In;
  }
}

// The comparison-level alternatives: `== != < <= > >= in`, `like`, `has`.
bool isComparison(Parser::ExprContext* ctx) {
  return dynamic_cast<Parser::CompareExprContext*>(ctx) || dynamic_cast<Parser::LikeExprContext*>(ctx) ||
         dynamic_cast<Parser::HasExprContext*>(ctx);
}

// The left-recursive alternatives (binary operators, `like`, `has`, `.attr`,
// `.method()`): their first child is their left operand.
bool isLeftRecursive(Parser::ExprContext* ctx) {
  return !dynamic_cast<Parser::PrimaryExprContext*>(ctx) && !dynamic_cast<Parser::NotExprContext*>(ctx) &&
         !dynamic_cast<Parser::NegateExprContext*>(ctx) && !dynamic_cast<Parser::IfExprContext*>(ctx);
}

}  // namespace

// A chain such as `a && b && c` or `x.a.b` is a left-deep tree: it is built
// bottom-up along its left spine, so building never recurses on its length
// (right operands and prefix forms nest at most kMaxNesting deep).
ast::ExprPtr AstBuilder::expr(Parser::ExprContext* ctx) {
  std::vector<Parser::ExprContext*> spine;
  for (need(ctx); isLeftRecursive(ctx); ctx = need(ctx->getRuleContext<Parser::ExprContext>(0))) spine.push_back(ctx);
  ast::ExprPtr acc = prefix(ctx);
  for (auto it = spine.rbegin(); it != spine.rend(); ++it) acc = extend(*it, std::move(acc));
  return acc;
}

ast::ExprPtr AstBuilder::prefix(Parser::ExprContext* ctx) {
  if (auto* c = dynamic_cast<Parser::PrimaryExprContext*>(ctx)) return primary(need(c->primary()));
  if (auto* c = dynamic_cast<Parser::NotExprContext*>(ctx))
    return std::make_unique<ast::UnaryExpr>(ast::UnaryExpr::Op::Not, expr(c->expr()), range(c));
  if (auto* c = dynamic_cast<Parser::NegateExprContext*>(ctx))
    return std::make_unique<ast::UnaryExpr>(ast::UnaryExpr::Op::Neg, expr(c->expr()), range(c));
  auto* c = need(dynamic_cast<Parser::IfExprContext*>(ctx));
  std::vector<Parser::ExprContext*> parts = c->expr();
  if (parts.size() != 3) throw BuildIncomplete{};
  return std::make_unique<ast::IfExpr>(expr(parts[0]), expr(parts[1]), expr(parts[2]), range(c));
}

// The node of a left-recursive alternative, given its already built left operand.
ast::ExprPtr AstBuilder::extend(Parser::ExprContext* ctx, ast::ExprPtr lhs) {
  if (auto* c = dynamic_cast<Parser::AndExprContext*>(ctx)) return binary(c, BinOp::And, c->AND(), std::move(lhs));
  if (auto* c = dynamic_cast<Parser::OrExprContext*>(ctx)) return binary(c, BinOp::Or, c->OR(), std::move(lhs));
  if (auto* c = dynamic_cast<Parser::ImpliesExprContext*>(ctx))
    return binary(c, BinOp::Implies, c->IMPLIES(), std::move(lhs));
  if (auto* c = dynamic_cast<Parser::MulExprContext*>(ctx)) return binary(c, BinOp::Mul, c->STAR(), std::move(lhs));
  if (auto* c = dynamic_cast<Parser::AddExprContext*>(ctx)) {
    BinOp op = need(c->op)->getType() == Parser::PLUS ? BinOp::Add : BinOp::Sub;
    return binary(c, op, c->PLUS() ? c->PLUS() : c->MINUS(), std::move(lhs));
  }
  if (auto* c = dynamic_cast<Parser::CompareExprContext*>(ctx)) return compare(c, std::move(lhs));
  if (auto* c = dynamic_cast<Parser::LikeExprContext*>(ctx)) return like(c, std::move(lhs));
  return postfix(ctx, std::move(lhs));
}

ast::ExprPtr AstBuilder::binary(Parser::ExprContext* ctx, BinOp op, antlr4::tree::TerminalNode* opNode,
                                ast::ExprPtr lhs) {
  auto parts = ctx->getRuleContexts<Parser::ExprContext>();
  if (parts.size() != 2) throw BuildIncomplete{};
  return std::make_unique<ast::BinaryExpr>(op, std::move(lhs), expr(parts[1]), range(opNode), range(ctx));
}

ast::ExprPtr AstBuilder::compare(Parser::CompareExprContext* ctx, ast::ExprPtr lhs) {
  std::vector<Parser::ExprContext*> parts = ctx->expr();
  if (parts.size() != 2) throw BuildIncomplete{};
  checkNotComparison(parts[0], ctx->op);
  checkNotComparison(parts[1], ctx->op);
  SourceRange r = range(ctx);
  BinOp op = compareOp(need(ctx->op)->getType());
  return std::make_unique<ast::BinaryExpr>(op, std::move(lhs), expr(parts[1]), range(ctx->op), r);
}

ast::ExprPtr AstBuilder::like(Parser::LikeExprContext* ctx, ast::ExprPtr lhs) {
  checkNotComparison(ctx->expr(), ctx->LIKE()->getSymbol());
  antlr4::tree::TerminalNode* str = need(ctx->STRING());
  std::string source = text(str);
  LitError err;
  std::vector<std::string> segments;
  if (auto decoded = decodeLikePattern(source, &err)) segments = std::move(*decoded);
  else report(err, range(str));
  return std::make_unique<ast::LikeExpr>(std::move(lhs), std::move(segments), source, range(str), range(ctx));
}

void AstBuilder::checkNotComparison(Parser::ExprContext* operand, antlr4::Token* opTok) {
  if (isComparison(operand)) diags_.report(diag::DiagId::ChainedComparison, range(opTok));
}

// `e.attr`, `e.method(args)`, `e has attr`.
ast::ExprPtr AstBuilder::postfix(Parser::ExprContext* ctx, ast::ExprPtr object) {
  if (auto* c = dynamic_cast<Parser::AttrExprContext*>(ctx))
    return std::make_unique<ast::AttrExpr>(std::move(object), ident(c->ID()), range(c));
  if (auto* c = dynamic_cast<Parser::MethodCallExprContext*>(ctx)) {
    auto call = std::make_unique<ast::MethodCallExpr>(std::move(object), ident(c->ID()), range(c));
    call->args = args(c->argList());
    return call;
  }
  auto* c = need(dynamic_cast<Parser::HasExprContext*>(ctx));
  checkNotComparison(c->expr(), c->HAS()->getSymbol());
  return std::make_unique<ast::HasExpr>(std::move(object), ident(c->ID()), range(c));
}

std::vector<ast::ExprPtr> AstBuilder::args(Parser::ArgListContext* ctx) {
  std::vector<ast::ExprPtr> out;
  if (!ctx) return out;
  for (Parser::ExprContext* e : ctx->expr()) out.push_back(expr(e));
  return out;
}

}  // namespace agentpol::parse
