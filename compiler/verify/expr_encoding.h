// expr_encoding.h — encodes a checked, inlined expression over a
// RequestEncoding as a SymValue (value + error flag) that evaluates exactly
// like the runtime: `&&`, `||`, `=>` short-circuit, `if` evaluates only the
// taken branch, arithmetic overflow and reading attributes that were not
// supplied are errors. Entry points: ExprEncoder::encode, encodeCondition.
#pragma once

#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ast/ast.h"
#include "verify/request_encoding.h"

namespace agentpol::verify {

// A construct the encoding does not cover; the check becomes `unknown`.
struct Unsupported : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The values of a rule's (or assert's) shared names in action `req.action()`.
std::vector<SymValue> sharedNameValues(RequestEncoding& req, const std::vector<sema::SharedName>& names,
                                       const std::vector<uint32_t>& actions);

class ExprEncoder {
 public:
  // `decision` = {allowed, escalated, denied} for asserts.
  ExprEncoder(RequestEncoding& req, std::vector<SymValue> names,
              std::optional<std::array<z3::expr, 3>> decision = std::nullopt);

  SymValue encode(const ast::Expr& e);

 private:
  SymValue binary(const ast::BinaryExpr& e);
  SymValue method(const ast::MethodCallExpr& e);
  SymValue attr(const ast::AttrExpr& e);
  SymValue has(const ast::HasExpr& e);
  SymValue like(const ast::LikeExpr& e);
  SymValue setLiteral(const ast::SetLit& e);
  SymValue ifExpr(const ast::IfExpr& e);
  SymValue keyword(const ast::KeywordExpr& e);
  SymValue name(const ast::NameExpr& e);
  z3::expr equal(const SymValue& a, const SymValue& b);
  z3::expr keyOf(const SymValue& v);  // set-element key (entities by id)
  z3::expr emptySetLike(const z3::expr& set);
  SymValue scalar(const sema::Type* t, z3::expr v, z3::expr err);
  z3::expr f() { return ctx().bool_val(false); }
  z3::context& ctx() { return req_.env().ctx(); }

  RequestEncoding& req_;
  std::vector<SymValue> names_;
  std::optional<std::array<z3::expr, 3>> decision_;
};

// A rule's condition: `when` (or true) holds and `unless` (or false) does
// not; `unless` is evaluated only when `when` holds. Null clauses allowed.
SymValue encodeCondition(ExprEncoder& enc, const ast::Expr* when, const ast::Expr* unless, z3::context& c,
                         const sema::Type* boolType);

}  // namespace agentpol::verify
