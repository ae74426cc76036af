// decl_builder.cpp — AstBuilder for declarations: namespace, import, enum,
// record, entity, action, context, agent, def, rules and asserts, with their
// annotations, fields, parameters and type expressions.
#include <llvm/Support/Casting.h>

#include "parse/ast_builder.h"

namespace agentpol::parse {

ast::DeclPtr AstBuilder::declBody(Parser::DeclBodyContext* ctx) {
  if (auto* c = ctx->namespaceDecl()) {
    auto d = std::make_unique<ast::NamespaceDecl>(range(c));
    d->path = qualifiedName(need(c->qualifiedName()));
    return d;
  }
  if (auto* c = ctx->importDecl()) {
    auto d = std::make_unique<ast::ImportDecl>(range(c));
    d->path = qualifiedName(need(c->qualifiedName()));
    return d;
  }
  if (auto* c = ctx->enumDecl()) return enumDecl(c);
  if (auto* c = ctx->recordDecl()) {
    auto d = std::make_unique<ast::RecordDecl>(range(c));
    d->name = ident(c->ID());
    d->fields = fields(c->fieldList());
    return d;
  }
  if (auto* c = ctx->entityDecl()) {
    auto d = std::make_unique<ast::EntityDecl>(range(c));
    d->name = ident(c->ID());
    d->fields = fields(c->fieldList());
    return d;
  }
  if (auto* c = ctx->actionDecl()) return actionDecl(c);
  if (auto* c = ctx->contextDecl()) {
    auto d = std::make_unique<ast::ContextDecl>(range(c));
    d->fields = fields(c->fieldList());
    return d;
  }
  if (auto* c = ctx->agentDecl()) return agentDecl(c);
  if (auto* c = ctx->defDecl()) return defDecl(c);
  if (auto* c = ctx->ruleDecl()) return ruleDecl(c);
  return assertDecl(need(ctx->assertDecl()));
}

ast::Annotation AstBuilder::annotation(Parser::AnnotationContext* ctx) {
  return ast::Annotation{ident(ctx->ID()), decodeStringToken(ctx->STRING()), range(ctx)};
}

std::vector<ast::Ident> AstBuilder::qualifiedName(Parser::QualifiedNameContext* ctx) {
  std::vector<ast::Ident> path;
  for (auto* id : ctx->ID()) path.push_back(ident(id));
  return path;
}

ast::DeclPtr AstBuilder::enumDecl(Parser::EnumDeclContext* ctx) {
  auto d = std::make_unique<ast::EnumDecl>(range(ctx));
  std::vector<antlr4::tree::TerminalNode*> ids = ctx->ID();
  d->name = ident(need(ids.empty() ? nullptr : ids.front()));
  for (size_t i = 1; i < ids.size(); ++i) d->values.push_back(ident(ids[i]));
  return d;
}

std::vector<ast::FieldDecl> AstBuilder::fields(Parser::FieldListContext* ctx) {
  std::vector<ast::FieldDecl> out;
  if (!ctx) return out;
  for (Parser::FieldContext* f : ctx->field())
    out.push_back(ast::FieldDecl{ident(f->ID()), f->optional != nullptr, type(need(f->type())), range(f)});
  return out;
}

std::vector<ast::ParamDecl> AstBuilder::params(Parser::ParamListContext* ctx) {
  std::vector<ast::ParamDecl> out;
  if (!ctx) return out;
  for (Parser::ParamContext* p : ctx->param())
    out.push_back(ast::ParamDecl{ident(p->ID()), type(need(p->type())), range(p),
                                 p->optional ? range(p->optional) : SourceRange{}});
  return out;
}

// Type arguments nest at most kMaxNesting deep (checked on the tokens).
ast::TypeExpr AstBuilder::type(Parser::TypeContext* ctx) {
  ast::TypeExpr t;
  t.name = ident(ctx->ID());
  t.range = range(ctx);
  if (auto* arg = ctx->type()) t.arg = std::make_unique<ast::TypeExpr>(type(arg));
  return t;
}

ast::DeclPtr AstBuilder::actionDecl(Parser::ActionDeclContext* ctx) {
  auto d = std::make_unique<ast::ActionDecl>(range(ctx));
  d->name = ident(ctx->ID());
  d->params = params(ctx->paramList());
  d->args = fields(ctx->fieldList());
  return d;
}

ast::DeclPtr AstBuilder::agentDecl(Parser::AgentDeclContext* ctx) {
  auto d = std::make_unique<ast::AgentDecl>(range(ctx));
  d->name = agentName(need(ctx->agentName()));
  for (Parser::AgentPropContext* p : ctx->agentProp())
    d->props.push_back(ast::AgentProp{ident(p->ID()), expr(need(p->expr())), range(p)});
  return d;
}

ast::DeclPtr AstBuilder::defDecl(Parser::DefDeclContext* ctx) {
  auto d = std::make_unique<ast::DefDecl>(range(ctx));
  d->name = ident(ctx->ID());
  d->params = params(ctx->paramList());
  d->resultType = type(need(ctx->type()));
  d->body = expr(need(ctx->expr()));
  return d;
}

ast::DeclPtr AstBuilder::ruleDecl(Parser::RuleDeclContext* ctx) {
  auto d = std::make_unique<ast::RuleDecl>(range(ctx));
  Parser::EffectContext* effect = need(ctx->effect());
  d->effect = effect->PERMIT() ? ast::Effect::Permit : effect->FORBID() ? ast::Effect::Forbid : ast::Effect::Escalate;
  d->effectRange = range(effect);
  auto* subject = need(ctx->subject());
  d->userSubject = dynamic_cast<Parser::UserSubjectContext*>(subject) != nullptr;
  if (auto* agents = dynamic_cast<Parser::AgentSubjectContext*>(subject)) d->agents = agentSet(need(agents->agentSet()));
  d->actions = actionSet(need(ctx->actionSet()));
  if (ctx->whenExpr) d->when = expr(ctx->whenExpr);
  if (ctx->unlessExpr) d->unless = expr(ctx->unlessExpr);
  return d;
}

ast::DeclPtr AstBuilder::assertDecl(Parser::AssertDeclContext* ctx) {
  auto d = std::make_unique<ast::AssertDecl>(range(ctx));
  d->name = ident(ctx->ID());
  if (auto* actions = ctx->actionSet()) d->actions = actionSet(actions);
  d->body = expr(need(ctx->expr()));
  return d;
}

ast::NameSet AstBuilder::agentSet(Parser::AgentSetContext* ctx) {
  ast::NameSet set;
  set.range = range(ctx);
  set.all = dynamic_cast<Parser::AnyAgentContext*>(ctx) != nullptr;
  if (auto* one = dynamic_cast<Parser::OneAgentContext*>(ctx)) set.names.push_back(agentName(need(one->agentName())));
  if (auto* list = dynamic_cast<Parser::AgentListContext*>(ctx))
    for (auto* n : list->agentName()) set.names.push_back(agentName(n));
  return set;
}

// `billing_assist_07` or `"billing-assist-07"`: the identity is the decoded
// text either way (the range keeps the quotes); sema checks a quoted one.
ast::Ident AstBuilder::agentName(Parser::AgentNameContext* ctx) {
  if (auto* id = ctx->ID()) return ident(id);
  auto* s = need(ctx->STRING());
  return ast::Ident{decodeStringToken(s), range(s), true};
}

ast::NameSet AstBuilder::actionSet(Parser::ActionSetContext* ctx) {
  ast::NameSet set;
  set.range = range(ctx);
  set.all = dynamic_cast<Parser::AnyActionContext*>(ctx) != nullptr;
  if (auto* one = dynamic_cast<Parser::OneActionContext*>(ctx)) set.names.push_back(ident(one->ID()));
  if (auto* list = dynamic_cast<Parser::ActionListContext*>(ctx))
    for (auto* id : list->ID()) set.names.push_back(ident(id));
  return set;
}

}  // namespace agentpol::parse
