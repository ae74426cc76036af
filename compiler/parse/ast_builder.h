// ast_builder.h — parse tree -> AST for one declaration at a time. Decodes and
// validates literals (E0007-E0018), rejects chained comparisons (E0019) and
// gives every node its byte range. Internal to compiler/parse (ANTLR types).
#pragma once

#include <string_view>

#include "AgentPolParser.h"
#include "ast/ast.h"
#include "diag/diagnostic.h"
#include "parse/literals.h"
#include "diag/utf8.h"

namespace agentpol::parse {

using Parser = agentpol_grammar::AgentPolParser;

// Thrown when the parse tree lacks a part the grammar requires (only after
// a recovered syntax error); the declaration is dropped.
struct BuildIncomplete {};

class AstBuilder {
 public:
  AstBuilder(const DecodedText& text, std::string_view src, FileId file, diag::DiagnosticEngine& diags)
      : text_(text), src_(src), file_(file), diags_(diags) {}

  // Null when the declaration could not be built (see BuildIncomplete).
  ast::DeclPtr buildDecl(Parser::DeclContext* ctx);

 private:
  // ---- declarations (decl_builder.cpp)
  ast::DeclPtr declBody(Parser::DeclBodyContext* ctx);
  ast::Annotation annotation(Parser::AnnotationContext* ctx);
  std::vector<ast::Ident> qualifiedName(Parser::QualifiedNameContext* ctx);
  ast::DeclPtr enumDecl(Parser::EnumDeclContext* ctx);
  std::vector<ast::FieldDecl> fields(Parser::FieldListContext* ctx);
  std::vector<ast::ParamDecl> params(Parser::ParamListContext* ctx);
  ast::TypeExpr type(Parser::TypeContext* ctx);
  ast::DeclPtr actionDecl(Parser::ActionDeclContext* ctx);
  ast::DeclPtr agentDecl(Parser::AgentDeclContext* ctx);
  ast::DeclPtr defDecl(Parser::DefDeclContext* ctx);
  ast::DeclPtr ruleDecl(Parser::RuleDeclContext* ctx);
  ast::DeclPtr assertDecl(Parser::AssertDeclContext* ctx);
  ast::NameSet agentSet(Parser::AgentSetContext* ctx);
  ast::Ident agentName(Parser::AgentNameContext* ctx);
  ast::NameSet actionSet(Parser::ActionSetContext* ctx);

  // ---- expressions (expr_builder.cpp)
  ast::ExprPtr expr(Parser::ExprContext* ctx);
  ast::ExprPtr prefix(Parser::ExprContext* ctx);
  ast::ExprPtr extend(Parser::ExprContext* ctx, ast::ExprPtr lhs);
  ast::ExprPtr binary(Parser::ExprContext* ctx, ast::BinaryExpr::Op op, antlr4::tree::TerminalNode* opNode,
                      ast::ExprPtr lhs);
  ast::ExprPtr compare(Parser::CompareExprContext* ctx, ast::ExprPtr lhs);
  ast::ExprPtr like(Parser::LikeExprContext* ctx, ast::ExprPtr lhs);
  ast::ExprPtr postfix(Parser::ExprContext* ctx, ast::ExprPtr object);
  ast::ExprPtr primary(Parser::PrimaryContext* ctx);
  ast::ExprPtr literal(Parser::PrimaryContext* ctx);
  ast::ExprPtr money(Parser::MoneyLitContext* ctx);
  std::vector<ast::ExprPtr> args(Parser::ArgListContext* ctx);
  void checkNotComparison(Parser::ExprContext* operand, antlr4::Token* opTok);

  // ---- shared helpers (ast_builder.cpp)
  SourceRange range(antlr4::ParserRuleContext* ctx) const;
  SourceRange range(antlr4::Token* tok) const;
  SourceRange range(antlr4::tree::TerminalNode* node) const;
  ast::Ident ident(antlr4::tree::TerminalNode* node) const;
  std::string text(antlr4::tree::TerminalNode* node) const;
  std::string decodeStringToken(antlr4::tree::TerminalNode* node);
  void report(const LitError& err, SourceRange literal);
  template <typename T>
  static T* need(T* p) {
    if (!p) throw BuildIncomplete{};
    return p;
  }

  const DecodedText& text_;
  std::string_view src_;
  FileId file_;
  diag::DiagnosticEngine& diags_;
};

}  // namespace agentpol::parse
