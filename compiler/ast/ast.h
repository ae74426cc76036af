// ast.h — the abstract syntax tree of .agentpol files. Built from the ANTLR
// parse tree by compiler/parse/ast_builder; read (and annotated with types and
// name bindings) by compiler/sema/. Nodes use LLVM-style RTTI
// (llvm::isa/dyn_cast via classof) and own their children.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ast/source_range.h"

namespace agentpol::sema {
class Type;
}

namespace agentpol::ast {

struct Ident {
  std::string name;
  SourceRange range;
  bool quoted = false;  // an agent name written as a string (`agent "a-1"`)
};

// ---------------------------------------------------------------- types

// A type as written: `Int`, `Money<EUR>`, `Set<String>`, `Order`.
struct TypeExpr {
  Ident name;
  std::unique_ptr<TypeExpr> arg;  // the part between < >, if any
  SourceRange range;
};

// ---------------------------------------------------------------- expressions

class Expr {
 public:
  enum class Kind {
    BoolLit, IntLit, StringLit, MoneyLit, DurationLit, TimeLit, SetLit,
    Name, Keyword, HasUser, HasName, Unary, Binary, Like, Has, Attr, MethodCall, Call, If,
  };

  Kind kind() const { return kind_; }
  virtual ~Expr() = default;

  SourceRange range;
  // Filled by sema: the expression's type (nullptr before checking, the error
  // type after a reported error).
  const sema::Type* type = nullptr;

 protected:
  explicit Expr(Kind k, SourceRange r) : range(r), kind_(k) {}

 private:
  Kind kind_;
};

using ExprPtr = std::unique_ptr<Expr>;

struct BoolLit : Expr {
  bool value;
  BoolLit(bool v, SourceRange r) : Expr(Kind::BoolLit, r), value(v) {}
  static bool classof(const Expr* e) { return e->kind() == Kind::BoolLit; }
};

struct IntLit : Expr {
  int64_t value;
  IntLit(int64_t v, SourceRange r) : Expr(Kind::IntLit, r), value(v) {}
  static bool classof(const Expr* e) { return e->kind() == Kind::IntLit; }
};

struct StringLit : Expr {
  std::string value;  // escapes decoded
  StringLit(std::string v, SourceRange r) : Expr(Kind::StringLit, r), value(std::move(v)) {}
  static bool classof(const Expr* e) { return e->kind() == Kind::StringLit; }
};

struct MoneyLit : Expr {
  int64_t minor;         // amount in minor units (cents)
  std::string currency;  // ISO-4217 code, three capitals
  MoneyLit(int64_t m, std::string c, SourceRange r)
      : Expr(Kind::MoneyLit, r), minor(m), currency(std::move(c)) {}
  static bool classof(const Expr* e) { return e->kind() == Kind::MoneyLit; }
};

struct DurationLit : Expr {
  int64_t seconds;
  DurationLit(int64_t s, SourceRange r) : Expr(Kind::DurationLit, r), seconds(s) {}
  static bool classof(const Expr* e) { return e->kind() == Kind::DurationLit; }
};

struct TimeLit : Expr {
  int64_t epochSeconds;  // seconds since 1970-01-01T00:00:00Z
  TimeLit(int64_t s, SourceRange r) : Expr(Kind::TimeLit, r), epochSeconds(s) {}
  static bool classof(const Expr* e) { return e->kind() == Kind::TimeLit; }
};

struct SetLit : Expr {
  std::vector<ExprPtr> elements;
  explicit SetLit(SourceRange r) : Expr(Kind::SetLit, r) {}
  static bool classof(const Expr* e) { return e->kind() == Kind::SetLit; }
};

// What a name refers to; filled by sema.
struct Binding {
  enum class Kind {
    Unresolved,
    ActionParam,  // a parameter (entity) of the rule's action(s), by name
    ActionArg,    // an argument (plain value) of the rule's action(s), by name
    DefParam,     // a parameter of the enclosing def (only before inlining)
    EnumType,     // an enum type name, only valid as the left of `.value`
    Decision,     // `allowed`, `escalated`, `denied` inside asserts
  };
  Kind kind = Kind::Unresolved;
  uint32_t index = 0;  // def parameter index, enum index, or decision
                       // (0 allowed, 1 escalated, 2 denied)
};

// A bare identifier: an action parameter or argument, a def parameter, an
// enum type (in `Intent.refund`) or, in asserts, allowed/escalated/denied.
struct NameExpr : Expr {
  std::string name;
  Binding binding;
  NameExpr(std::string n, SourceRange r) : Expr(Kind::Name, r), name(std::move(n)) {}
  static bool classof(const Expr* e) { return e->kind() == Kind::Name; }
};

// The request parts that are keywords: `now`, `agent`, `user`, `context`.
struct KeywordExpr : Expr {
  enum class Which { Now, Agent, User, Context };
  Which which;
  KeywordExpr(Which w, SourceRange r) : Expr(Kind::Keyword, r), which(w) {}
  static bool classof(const Expr* e) { return e->kind() == Kind::Keyword; }
};

// The bare `has user` test.
struct HasUserExpr : Expr {
  explicit HasUserExpr(SourceRange r) : Expr(Kind::HasUser, r) {}
  static bool classof(const Expr* e) { return e->kind() == Kind::HasUser; }
};

// A bare `has NAME`: is the (optional) action argument NAME present. Sema
// binds the name like a NameExpr; a required argument or a parameter is
// always present.
struct HasNameExpr : Expr {
  Ident name;
  Binding binding;
  HasNameExpr(Ident n, SourceRange r) : Expr(Kind::HasName, r), name(std::move(n)) {}
  static bool classof(const Expr* e) { return e->kind() == Kind::HasName; }
};

struct UnaryExpr : Expr {
  enum class Op { Not, Neg };
  Op op;
  ExprPtr operand;
  UnaryExpr(Op o, ExprPtr x, SourceRange r) : Expr(Kind::Unary, r), op(o), operand(std::move(x)) {}
  static bool classof(const Expr* e) { return e->kind() == Kind::Unary; }
};

struct BinaryExpr : Expr {
  enum class Op { And, Or, Implies, Eq, Ne, Lt, Le, Gt, Ge, In, Add, Sub, Mul };
  Op op;
  ExprPtr lhs, rhs;
  SourceRange opRange;  // the operator token, for diagnostics
  BinaryExpr(Op o, ExprPtr l, ExprPtr rr, SourceRange opr, SourceRange r)
      : Expr(Kind::Binary, r), op(o), lhs(std::move(l)), rhs(std::move(rr)), opRange(opr) {}
  static bool classof(const Expr* e) { return e->kind() == Kind::Binary; }
};

// `s like "pre*"`. The pattern is split at unescaped stars: "a*b\*c" gives
// segments {"a", "b*c"}; a leading/trailing star gives an empty first/last
// segment. So the glob matches when the segments occur in order, the first
// anchored at the start and the last at the end.
struct LikeExpr : Expr {
  ExprPtr subject;
  std::vector<std::string> segments;
  std::string patternSource;  // the literal as written, for messages and dumps
  SourceRange patternRange;
  LikeExpr(ExprPtr s, std::vector<std::string> segs, std::string src, SourceRange pr, SourceRange r)
      : Expr(Kind::Like, r), subject(std::move(s)), segments(std::move(segs)),
        patternSource(std::move(src)), patternRange(pr) {}
  static bool classof(const Expr* e) { return e->kind() == Kind::Like; }
};

// `e has attr`.
struct HasExpr : Expr {
  ExprPtr object;
  Ident attr;
  HasExpr(ExprPtr o, Ident a, SourceRange r) : Expr(Kind::Has, r), object(std::move(o)), attr(std::move(a)) {}
  static bool classof(const Expr* e) { return e->kind() == Kind::Has; }
};

// `e.attr` (also `e.id` on entities and `Enum.value` on enum type names).
struct AttrExpr : Expr {
  ExprPtr object;
  Ident attr;
  AttrExpr(ExprPtr o, Ident a, SourceRange r) : Expr(Kind::Attr, r), object(std::move(o)), attr(std::move(a)) {}
  static bool classof(const Expr* e) { return e->kind() == Kind::Attr; }
};

// `S.contains(x)`, `S.containsAll(T)`, `S.containsAny(T)`, `S.isEmpty()`.
struct MethodCallExpr : Expr {
  ExprPtr object;
  Ident method;
  std::vector<ExprPtr> args;
  MethodCallExpr(ExprPtr o, Ident m, SourceRange r) : Expr(Kind::MethodCall, r), object(std::move(o)), method(std::move(m)) {}
  static bool classof(const Expr* e) { return e->kind() == Kind::MethodCall; }
};

// `f(args)`: a call of a `def` helper (inlined by sema).
struct CallExpr : Expr {
  Ident callee;
  std::vector<ExprPtr> args;
  CallExpr(Ident c, SourceRange r) : Expr(Kind::Call, r), callee(std::move(c)) {}
  static bool classof(const Expr* e) { return e->kind() == Kind::Call; }
};

struct IfExpr : Expr {
  ExprPtr cond, thenExpr, elseExpr;
  IfExpr(ExprPtr c, ExprPtr t, ExprPtr e, SourceRange r)
      : Expr(Kind::If, r), cond(std::move(c)), thenExpr(std::move(t)), elseExpr(std::move(e)) {}
  static bool classof(const Expr* e) { return e->kind() == Kind::If; }
};

// ---------------------------------------------------------------- declarations

struct Annotation {
  Ident key;          // `id` in @id("…")
  std::string value;  // decoded string
  SourceRange range;  // the whole annotation
};

class Decl {
 public:
  enum class Kind { Namespace, Import, Enum, Record, Entity, Action, Context, Agent, Def, Rule, Assert };
  Kind kind() const { return kind_; }
  virtual ~Decl() = default;

  SourceRange range;
  std::vector<Annotation> annotations;

 protected:
  Decl(Kind k, SourceRange r) : range(r), kind_(k) {}

 private:
  Kind kind_;
};

using DeclPtr = std::unique_ptr<Decl>;

struct NamespaceDecl : Decl {
  std::vector<Ident> path;  // `namespace a.b;`
  explicit NamespaceDecl(SourceRange r) : Decl(Kind::Namespace, r) {}
  static bool classof(const Decl* d) { return d->kind() == Kind::Namespace; }
};

struct ImportDecl : Decl {
  std::vector<Ident> path;  // `import std.identity;` -> {std, identity}
  explicit ImportDecl(SourceRange r) : Decl(Kind::Import, r) {}
  static bool classof(const Decl* d) { return d->kind() == Kind::Import; }
};

struct EnumDecl : Decl {
  Ident name;
  std::vector<Ident> values;
  explicit EnumDecl(SourceRange r) : Decl(Kind::Enum, r) {}
  static bool classof(const Decl* d) { return d->kind() == Kind::Enum; }
};

struct FieldDecl {
  Ident name;
  bool optional = false;  // `name?: T`
  TypeExpr type;
  SourceRange range;
};

// `record T { … }` and `entity T { … }` share a shape.
struct RecordDecl : Decl {
  Ident name;
  std::vector<FieldDecl> fields;
  explicit RecordDecl(SourceRange r) : Decl(Kind::Record, r) {}
  static bool classof(const Decl* d) { return d->kind() == Kind::Record; }
};

struct EntityDecl : Decl {
  Ident name;
  std::vector<FieldDecl> fields;
  explicit EntityDecl(SourceRange r) : Decl(Kind::Entity, r) {}
  static bool classof(const Decl* d) { return d->kind() == Kind::Entity; }
};

struct ParamDecl {
  Ident name;
  TypeExpr type;
  SourceRange range;
  SourceRange optional;  // the `?` of `name?: T` (an error: parameters are never optional)
};

struct ActionDecl : Decl {
  Ident name;
  std::vector<ParamDecl> params;  // resources (entities), `( … )`
  std::vector<FieldDecl> args;    // plain values, `{ … }`
  explicit ActionDecl(SourceRange r) : Decl(Kind::Action, r) {}
  static bool classof(const Decl* d) { return d->kind() == Kind::Action; }
};

struct ContextDecl : Decl {
  std::vector<FieldDecl> fields;
  explicit ContextDecl(SourceRange r) : Decl(Kind::Context, r) {}
  static bool classof(const Decl* d) { return d->kind() == Kind::Context; }
};

struct AgentProp {
  Ident key;  // owner, purpose, reviewed, expires, may
  ExprPtr value;
  SourceRange range;
};

struct AgentDecl : Decl {
  Ident name;
  std::vector<AgentProp> props;
  explicit AgentDecl(SourceRange r) : Decl(Kind::Agent, r) {}
  static bool classof(const Decl* d) { return d->kind() == Kind::Agent; }
};

struct DefDecl : Decl {
  Ident name;
  std::vector<ParamDecl> params;
  TypeExpr resultType;
  ExprPtr body;
  explicit DefDecl(SourceRange r) : Decl(Kind::Def, r) {}
  static bool classof(const Decl* d) { return d->kind() == Kind::Def; }
};

// `*`, `name` or `[a, b]` after `agent` or `to`.
struct NameSet {
  bool all = false;         // `*`
  std::vector<Ident> names;  // empty when all
  SourceRange range;
};

enum class Effect { Permit, Forbid, Escalate };

struct RuleDecl : Decl {
  Effect effect = Effect::Permit;
  SourceRange effectRange;  // the effect keyword (its line gives the default id)
  bool userSubject = false;  // `permit user to …`
  NameSet agents;            // when !userSubject
  NameSet actions;
  ExprPtr when;    // may be null
  ExprPtr unless;  // may be null
  explicit RuleDecl(SourceRange r) : Decl(Kind::Rule, r) {}
  static bool classof(const Decl* d) { return d->kind() == Kind::Rule; }
};

struct AssertDecl : Decl {
  Ident name;
  std::optional<NameSet> actions;  // `for ACTIONS:`; none means every action
  ExprPtr body;
  explicit AssertDecl(SourceRange r) : Decl(Kind::Assert, r) {}
  static bool classof(const Decl* d) { return d->kind() == Kind::Assert; }
};

// One parsed source file (or stdlib module).
struct File {
  FileId id = kNoFile;
  std::string path;         // as given on the command line (or `std/identity.agentpol`)
  bool isStdlib = false;
  std::vector<DeclPtr> decls;
};

}  // namespace agentpol::ast
