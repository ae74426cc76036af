// ast_dump.cpp — the canonical AST dump. Expressions print on one line in
// prefix form, `(op lhs rhs)`; literals print decoded (money in major units,
// durations in seconds, times as UTC); strings are re-escaped so every dump is
// plain printable text.
#include "ast/ast_dump.h"

#include <fmt/format.h>
#include <llvm/Support/Casting.h>

#include "ast/literal_text.h"

namespace agentpol::ast {
namespace {

using llvm::cast;

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) out += fmt::format("\\u{{{:X}}}", c);
        else out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

const char* binaryName(BinaryExpr::Op op) {
  static constexpr const char* kNames[] = {"&&", "||", "=>", "==", "!=", "<", "<=", ">", ">=", "in", "+", "-", "*"};
  return kNames[static_cast<int>(op)];
}

const char* keywordName(KeywordExpr::Which w) {
  static constexpr const char* kNames[] = {"now", "agent", "user", "context"};
  return kNames[static_cast<int>(w)];
}

std::string list(const std::vector<ExprPtr>& xs) {
  std::string out;
  for (const ExprPtr& x : xs) out += " " + dumpExpr(*x);
  return out;
}

std::string literal(const Expr& e) {
  switch (e.kind()) {
    case Expr::Kind::BoolLit: return cast<BoolLit>(e).value ? "true" : "false";
    case Expr::Kind::IntLit: return std::to_string(cast<IntLit>(e).value);
    case Expr::Kind::StringLit: return quote(cast<StringLit>(e).value);
    case Expr::Kind::MoneyLit: {
      const auto& m = cast<MoneyLit>(e);
      return fmt::format("(money {} {})", formatMinorUnits(m.minor), m.currency);
    }
    case Expr::Kind::DurationLit: return fmt::format("(duration {}s)", cast<DurationLit>(e).seconds);
    case Expr::Kind::TimeLit: return fmt::format("(time {})", formatUtc(cast<TimeLit>(e).epochSeconds));
    default: return "(set" + list(cast<SetLit>(e).elements) + ")";
  }
}

std::string like(const LikeExpr& e) {
  std::string segs;
  for (const std::string& s : e.segments) segs += " " + quote(s);
  return fmt::format("(like {} {} (segments{}))", dumpExpr(*e.subject), e.patternSource, segs);
}

}  // namespace

std::string dumpExpr(const Expr& e) {
  switch (e.kind()) {
    case Expr::Kind::Name: return cast<NameExpr>(e).name;
    case Expr::Kind::Keyword: return keywordName(cast<KeywordExpr>(e).which);
    case Expr::Kind::HasUser: return "(has-user)";
    case Expr::Kind::Unary: {
      const auto& u = cast<UnaryExpr>(e);
      return fmt::format("({} {})", u.op == UnaryExpr::Op::Not ? "!" : "neg", dumpExpr(*u.operand));
    }
    case Expr::Kind::Binary: {
      const auto& b = cast<BinaryExpr>(e);
      return fmt::format("({} {} {})", binaryName(b.op), dumpExpr(*b.lhs), dumpExpr(*b.rhs));
    }
    case Expr::Kind::Like: return like(cast<LikeExpr>(e));
    case Expr::Kind::Has: {
      const auto& h = cast<HasExpr>(e);
      return fmt::format("(has {} {})", dumpExpr(*h.object), h.attr.name);
    }
    case Expr::Kind::Attr: {
      const auto& a = cast<AttrExpr>(e);
      return fmt::format("(. {} {})", dumpExpr(*a.object), a.attr.name);
    }
    case Expr::Kind::MethodCall: {
      const auto& m = cast<MethodCallExpr>(e);
      return fmt::format("(.{} {}{})", m.method.name, dumpExpr(*m.object), list(m.args));
    }
    case Expr::Kind::Call: {
      const auto& c = cast<CallExpr>(e);
      return fmt::format("(call {}{})", c.callee.name, list(c.args));
    }
    case Expr::Kind::If: {
      const auto& i = cast<IfExpr>(e);
      return fmt::format("(if {} {} {})", dumpExpr(*i.cond), dumpExpr(*i.thenExpr), dumpExpr(*i.elseExpr));
    }
    default: return literal(e);
  }
}

std::string dumpType(const TypeExpr& t) {
  if (!t.arg) return t.name.name;
  return fmt::format("({} {})", t.name.name, dumpType(*t.arg));
}

}  // namespace agentpol::ast
