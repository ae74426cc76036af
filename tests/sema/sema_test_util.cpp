// sema_test_util.cpp — parse + check helpers and the expression dumper.
#include "sema_test_util.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ast/operator_text.h"
#include "diag/render.h"
#include "parse/parser.h"

namespace agentpol::test {

const char* const kSchema = R"(
entity User { roles: Set<String>, refund_limit: Money<EUR>, region: String, manager?: User, nickname?: String }
entity Agent { model: String }
entity Order { customer: User, total: Money<EUR>, note?: String }
entity Account { holder: User }
enum Intent { refund, payout, question }
record Token { issued_at: Time, expires_at: Time, scopes: Set<String>, label?: String }
action refund(order: Order) { amount: Money<EUR>, reason: String }
action read_invoice(order: Order)
action payout(account: Account) { amount: Money<EUR> }
action transfer(account: Account) { amount: Money<USD>, count: Int }
context { intent: Intent, token: Token, tags: Set<String>, deadline: Time, window: Duration, count: Int, ref?: String }
agent bot { owner: "o", purpose: "p" }
agent helper { owner: "o", purpose: "p", may: [read_invoice] }
)";

std::vector<std::string> Checked::codes() const {
  std::vector<std::string> out;
  for (const diag::Diagnostic& d : diags.sorted()) {
    std::string where = "?";
    if (d.range.valid())
      where = std::filesystem::path(sm.path(d.range.file)).stem().string() + ":" +
              std::to_string(sm.lineCol(d.range.file, d.range.begin).line);
    out.push_back(std::string(d.code()) + "@" + where);
  }
  return out;
}

std::string Checked::text() const {
  std::string out;
  for (const diag::Diagnostic& d : diags.sorted()) out += diag::renderText(sm, d);
  return out;
}

const sema::CheckedRule* Checked::rule(const std::string& id) const {
  if (!policy) return nullptr;
  for (const sema::CheckedRule& r : policy->rules)
    if (r.id == id) return &r;
  return nullptr;
}

std::unique_ptr<Checked> checkFiles(const std::vector<Source>& files) {
  auto c = std::make_unique<Checked>();
  std::vector<ast::File> parsed;
  for (const Source& s : files) {
    FileId id = c->sm.addFile(s.first, s.second);
    parsed.push_back(parse::parseFile(c->sm, id, c->diags));
  }
  c->policy = sema::check(std::move(parsed), c->sm, c->diags);
  return c;
}

std::unique_ptr<Checked> checkWithSchema(const std::string& src) {
  return checkFiles({{"schema.agentpol", kSchema}, {"test.agentpol", src}});
}

std::unique_ptr<Checked> checkAlone(const std::string& src) { return checkFiles({{"test.agentpol", src}}); }

void checkCodes(const Checked& r, const std::string& src, const std::vector<std::string>& codes) {
  INFO("source: " << src << "\n" << r.text());
  CHECK(r.codes() == codes);
  CHECK((r.policy == nullptr) == !codes.empty());
}

std::string dump(const ast::Expr* e) {
  using K = ast::Expr::Kind;
  if (!e) return "null";
  switch (e->kind()) {
    case K::BoolLit: return llvm::cast<ast::BoolLit>(e)->value ? "true" : "false";
    case K::IntLit: return std::to_string(llvm::cast<ast::IntLit>(e)->value);
    case K::StringLit: return "\"" + llvm::cast<ast::StringLit>(e)->value + "\"";
    case K::MoneyLit: {
      auto* m = llvm::cast<ast::MoneyLit>(e);
      return std::to_string(m->minor) + m->currency;
    }
    case K::DurationLit: return std::to_string(llvm::cast<ast::DurationLit>(e)->seconds) + "s";
    case K::TimeLit: return "@" + std::to_string(llvm::cast<ast::TimeLit>(e)->epochSeconds);
    case K::SetLit: {
      std::string out = "[";
      for (const auto& x : llvm::cast<ast::SetLit>(e)->elements) out += (out.size() > 1 ? " " : "") + dump(x.get());
      return out + "]";
    }
    case K::Name: {
      auto* n = llvm::cast<ast::NameExpr>(e);
      switch (n->binding.kind) {
        case ast::Binding::Kind::ActionParam:
        case ast::Binding::Kind::ActionArg: return "$" + n->name;
        case ast::Binding::Kind::DefParam: return "#" + n->name;
        case ast::Binding::Kind::Decision: return "%" + n->name;
        case ast::Binding::Kind::EnumType: return n->name;
        case ast::Binding::Kind::Unresolved: return "?" + n->name;
      }
      return n->name;
    }
    case K::Keyword: {
      static const char* const names[] = {"now", "agent", "user", "context"};
      return names[static_cast<int>(llvm::cast<ast::KeywordExpr>(e)->which)];
    }
    case K::HasUser: return "(has-user)";
    case K::HasName: return "(has $" + llvm::cast<ast::HasNameExpr>(e)->name.name + ")";
    case K::Unary: {
      auto* u = llvm::cast<ast::UnaryExpr>(e);
      return std::string("(") + (u->op == ast::UnaryExpr::Op::Not ? "!" : "neg") + " " + dump(u->operand.get()) + ")";
    }
    case K::Binary: {
      auto* b = llvm::cast<ast::BinaryExpr>(e);
      return std::string("(") + ast::binaryOpText(b->op) + " " + dump(b->lhs.get()) + " " + dump(b->rhs.get()) + ")";
    }
    case K::Like: {
      auto* l = llvm::cast<ast::LikeExpr>(e);
      return "(like " + dump(l->subject.get()) + " " + l->patternSource + ")";
    }
    case K::Has: {
      auto* h = llvm::cast<ast::HasExpr>(e);
      return "(has " + dump(h->object.get()) + " " + h->attr.name + ")";
    }
    case K::Attr: {
      auto* a = llvm::cast<ast::AttrExpr>(e);
      return "(. " + dump(a->object.get()) + " " + a->attr.name + ")";
    }
    case K::MethodCall: {
      auto* m = llvm::cast<ast::MethodCallExpr>(e);
      std::string out = "(." + m->method.name + " " + dump(m->object.get());
      for (const auto& a : m->args) out += " " + dump(a.get());
      return out + ")";
    }
    case K::Call: {
      auto* c = llvm::cast<ast::CallExpr>(e);
      std::string out = "(call " + c->callee.name;
      for (const auto& a : c->args) out += " " + dump(a.get());
      return out + ")";
    }
    case K::If: {
      auto* i = llvm::cast<ast::IfExpr>(e);
      return "(if " + dump(i->cond.get()) + " " + dump(i->thenExpr.get()) + " " + dump(i->elseExpr.get()) + ")";
    }
  }
  return "?";
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace agentpol::test
