// ranges_test.cpp — every AST node's SourceRange is right: for all golden
// files, names and keywords cover exactly their text, operator ranges cover
// the operator, children lie inside their parents, and effect keywords,
// annotations and like patterns point at what they claim to. Byte offsets
// stay exact after multi-byte UTF-8 text.
#include <catch2/catch.hpp>

#include <filesystem>

#include <llvm/Support/Casting.h>

#include "ast/operator_text.h"
#include "parse/literals.h"
#include "parse_test_util.h"

namespace fs = std::filesystem;
using namespace agentpol;
using llvm::dyn_cast;

namespace {

class RangeChecker {
 public:
  explicit RangeChecker(const std::string& src) : src_(src) {}

  std::string textOf(const SourceRange& r) const {
    REQUIRE(r.valid());
    REQUIRE(r.begin <= r.end);
    REQUIRE(r.end <= src_.size());
    return src_.substr(r.begin, r.end - r.begin);
  }

  // An identifier's range is its text; a quoted agent name's is the string
  // literal whose decoded value is the name.
  void ident(const ast::Ident& id) {
    if (!id.quoted) {
      CHECK(textOf(id.range) == id.name);
      return;
    }
    parse::LitError err;
    std::optional<std::string> decoded = parse::decodeString(textOf(id.range), &err);
    REQUIRE(decoded);
    CHECK(*decoded == id.name);
  }

  void inside(const SourceRange& child, const SourceRange& parent) {
    CHECK(child.begin >= parent.begin);
    CHECK(child.end <= parent.end);
  }

  void expr(const ast::Expr& e) {
    std::string text = textOf(e.range);
    CHECK(!text.empty());
    ++nodes;
    if (auto* n = dyn_cast<ast::NameExpr>(&e)) CHECK(text == n->name);
    if (auto* k = dyn_cast<ast::KeywordExpr>(&e)) {
      static const char* kWords[] = {"now", "agent", "user", "context"};
      CHECK(text == kWords[static_cast<int>(k->which)]);
    }
    if (auto* b = dyn_cast<ast::BoolLit>(&e)) CHECK(text == (b->value ? "true" : "false"));
    if (llvm::isa<ast::StringLit>(&e)) CHECK((text.front() == '"' && text.back() == '"'));
    if (llvm::isa<ast::HasUserExpr>(&e)) CHECK(text.rfind("has", 0) == 0);
    if (auto* h = dyn_cast<ast::HasNameExpr>(&e)) {
      CHECK(text.rfind("has", 0) == 0);
      ident(h->name);
      inside(h->name.range, e.range);
    }
    if (llvm::isa<ast::SetLit>(&e)) CHECK((text.front() == '[' && text.back() == ']'));
    children(e);
  }

  size_t nodes = 0;

 private:
  void child(const ast::Expr& parent, const ast::Expr& c) {
    inside(c.range, parent.range);
    expr(c);
  }

  void children(const ast::Expr& e) {
    if (auto* b = dyn_cast<ast::BinaryExpr>(&e)) {
      CHECK(textOf(b->opRange) == ast::binaryOpText(b->op));
      CHECK(b->lhs->range.end <= b->opRange.begin);
      CHECK(b->opRange.end <= b->rhs->range.begin);
      child(e, *b->lhs);
      child(e, *b->rhs);
    } else if (auto* u = dyn_cast<ast::UnaryExpr>(&e)) {
      CHECK(textOf(e.range).substr(0, 1) == (u->op == ast::UnaryExpr::Op::Not ? "!" : "-"));
      child(e, *u->operand);
    } else if (auto* l = dyn_cast<ast::LikeExpr>(&e)) {
      CHECK(textOf(l->patternRange) == l->patternSource);
      inside(l->patternRange, e.range);
      child(e, *l->subject);
    } else if (auto* h = dyn_cast<ast::HasExpr>(&e)) {
      ident(h->attr);
      child(e, *h->object);
    } else if (auto* a = dyn_cast<ast::AttrExpr>(&e)) {
      ident(a->attr);
      child(e, *a->object);
    } else if (auto* m = dyn_cast<ast::MethodCallExpr>(&e)) {
      ident(m->method);
      child(e, *m->object);
      for (const auto& x : m->args) child(e, *x);
    } else if (auto* c = dyn_cast<ast::CallExpr>(&e)) {
      ident(c->callee);
      for (const auto& x : c->args) child(e, *x);
    } else if (auto* i = dyn_cast<ast::IfExpr>(&e)) {
      CHECK(textOf(e.range).rfind("if", 0) == 0);
      child(e, *i->cond);
      child(e, *i->thenExpr);
      child(e, *i->elseExpr);
    } else if (auto* s = dyn_cast<ast::SetLit>(&e)) {
      for (const auto& x : s->elements) child(e, *x);
    }
  }

  const std::string& src_;
};

void checkType(RangeChecker& rc, const ast::TypeExpr& t) {
  rc.ident(t.name);
  CHECK(rc.textOf(t.range).rfind(t.name.name, 0) == 0);
  if (t.arg) {
    rc.inside(t.arg->range, t.range);
    checkType(rc, *t.arg);
  }
}

void checkFields(RangeChecker& rc, const std::vector<ast::FieldDecl>& fields, const ast::Decl& d) {
  for (const auto& f : fields) {
    rc.ident(f.name);
    rc.inside(f.range, d.range);
    checkType(rc, f.type);
  }
}

void checkDecl(RangeChecker& rc, const ast::Decl& d) {
  for (const auto& a : d.annotations) {
    CHECK(rc.textOf(a.range).rfind("@" + a.key.name + "(", 0) == 0);
    rc.ident(a.key);
  }
  std::string text = rc.textOf(d.range);
  if (auto* r = dyn_cast<ast::RuleDecl>(&d)) {
    static const char* kEffects[] = {"permit", "forbid", "escalate"};
    CHECK(rc.textOf(r->effectRange) == kEffects[static_cast<int>(r->effect)]);
    CHECK(r->effectRange.begin == d.range.begin);
    for (const auto& n : r->agents.names) rc.ident(n);
    for (const auto& n : r->actions.names) rc.ident(n);
    for (const auto* e : {r->when.get(), r->unless.get()})
      if (e) {
        rc.inside(e->range, d.range);
        rc.expr(*e);
      }
  } else if (auto* a = dyn_cast<ast::AgentDecl>(&d)) {
    CHECK(text.rfind("agent", 0) == 0);
    rc.ident(a->name);
    for (const auto& p : a->props) {
      rc.ident(p.key);
      rc.inside(p.value->range, p.range);
      rc.expr(*p.value);
    }
  } else if (auto* f = dyn_cast<ast::DefDecl>(&d)) {
    CHECK(text.rfind("def", 0) == 0);
    rc.ident(f->name);
    for (const auto& p : f->params) checkType(rc, p.type);
    checkType(rc, f->resultType);
    rc.expr(*f->body);
  } else if (auto* s = dyn_cast<ast::AssertDecl>(&d)) {
    CHECK(text.rfind("assert", 0) == 0);
    rc.ident(s->name);
    rc.expr(*s->body);
  } else if (auto* r2 = dyn_cast<ast::RecordDecl>(&d)) {
    rc.ident(r2->name);
    checkFields(rc, r2->fields, d);
  } else if (auto* e = dyn_cast<ast::EntityDecl>(&d)) {
    rc.ident(e->name);
    checkFields(rc, e->fields, d);
  } else if (auto* c = dyn_cast<ast::ContextDecl>(&d)) {
    checkFields(rc, c->fields, d);
  } else if (auto* ac = dyn_cast<ast::ActionDecl>(&d)) {
    rc.ident(ac->name);
    checkFields(rc, ac->args, d);
    for (const auto& p : ac->params) rc.ident(p.name);
  } else if (auto* en = dyn_cast<ast::EnumDecl>(&d)) {
    rc.ident(en->name);
    for (const auto& v : en->values) rc.ident(v);
  }
}

}  // namespace

TEST_CASE("every node of every golden file has an exact range", "[ranges]") {
  size_t nodes = 0;
  for (const auto& entry : fs::directory_iterator(AGENTPOL_PARSE_GOLDEN_DIR)) {
    if (entry.path().extension() != ".agentpol") continue;
    std::string src = test::readFile(entry.path().string());
    auto p = test::parseText(src);
    INFO(entry.path().filename().string());
    RangeChecker rc(src);
    for (const auto& d : p.file.decls) checkDecl(rc, *d);
    nodes += rc.nodes;
  }
  CHECK(nodes > 400);
}

TEST_CASE("ranges are byte offsets after multi-byte text", "[ranges]") {
  std::string src = "// ü 日本 😀\npermit user to b when \"日本😀\" == name;";
  auto p = test::parseText(src);
  REQUIRE(p.diags.all().empty());
  const auto* r = dyn_cast<ast::RuleDecl>(p.file.decls.at(0).get());
  REQUIRE(r);
  const auto* eq = dyn_cast<ast::BinaryExpr>(r->when.get());
  REQUIRE(eq);
  CHECK(src.substr(eq->rhs->range.begin, 4) == "name");
  CHECK(src.substr(eq->lhs->range.begin, eq->lhs->range.end - eq->lhs->range.begin) == "\"日本😀\"");
  CHECK(p.sm.lineCol(p.file.id, eq->rhs->range.begin).column == 32);
}
