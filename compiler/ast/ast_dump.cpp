// ast_dump.cpp — the canonical AST dump. Expressions print on one line in
// prefix form, `(op lhs rhs)`; literals print decoded (money in major units,
// durations in seconds, times as UTC); strings are re-escaped so every dump is
// plain printable text.
#include "ast/ast_dump.h"

#include <optional>

#include <fmt/format.h>
#include <llvm/Support/Casting.h>

#include <agentpol/civil_time.h>

#include "ast/literal_text.h"
#include "ast/operator_text.h"

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
    case Expr::Kind::TimeLit: return fmt::format("(time {})", agentpol::format_time(cast<TimeLit>(e).epochSeconds));
    default: return "(set" + list(cast<SetLit>(e).elements) + ")";
  }
}

std::string segments(const LikeExpr& e) {
  std::string out;
  for (const std::string& s : e.segments) out += " " + quote(s);
  return out;
}

// A node printed as `open <its left operand> close`. Left-deep chains
// (`a && b && c`, `x.a.b`) are printed by walking this spine in a loop.
struct SpineStep {
  const Expr* left;
  std::string open, close;
};

std::optional<SpineStep> spineStep(const Expr& e) {
  switch (e.kind()) {
    case Expr::Kind::Binary: {
      const auto& b = cast<BinaryExpr>(e);
      return SpineStep{b.lhs.get(), fmt::format("({} ", binaryOpText(b.op)), " " + dumpExpr(*b.rhs) + ")"};
    }
    case Expr::Kind::Attr: {
      const auto& a = cast<AttrExpr>(e);
      return SpineStep{a.object.get(), "(. ", " " + a.attr.name + ")"};
    }
    case Expr::Kind::MethodCall: {
      const auto& m = cast<MethodCallExpr>(e);
      return SpineStep{m.object.get(), "(." + m.method.name + " ", list(m.args) + ")"};
    }
    case Expr::Kind::Has: {
      const auto& h = cast<HasExpr>(e);
      return SpineStep{h.object.get(), "(has ", " " + h.attr.name + ")"};
    }
    case Expr::Kind::Like: {
      const auto& l = cast<LikeExpr>(e);
      return SpineStep{l.subject.get(), "(like ", fmt::format(" {} (segments{}))", l.patternSource, segments(l))};
    }
    default:
      return std::nullopt;
  }
}

// Nodes that are not on a left spine: names, keywords, prefix forms, literals.
std::string leaf(const Expr& e) {
  switch (e.kind()) {
    case Expr::Kind::Name: return cast<NameExpr>(e).name;
    case Expr::Kind::Keyword: return keywordName(cast<KeywordExpr>(e).which);
    case Expr::Kind::HasUser: return "(has-user)";
    case Expr::Kind::HasName: return "(has-name " + cast<HasNameExpr>(e).name.name + ")";
    case Expr::Kind::Unary: {
      const auto& u = cast<UnaryExpr>(e);
      return fmt::format("({} {})", u.op == UnaryExpr::Op::Not ? "!" : "neg", dumpExpr(*u.operand));
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

}  // namespace

std::string dumpExpr(const Expr& e) {
  std::string out;
  std::vector<std::string> closes;
  const Expr* cur = &e;
  for (auto step = spineStep(*cur); step; step = spineStep(*cur)) {
    out += step->open;
    closes.push_back(std::move(step->close));
    cur = step->left;
  }
  out += leaf(*cur);
  for (auto it = closes.rbegin(); it != closes.rend(); ++it) out += *it;
  return out;
}

std::string dumpType(const TypeExpr& t) {
  if (!t.arg) return t.name.name;
  return fmt::format("({} {})", t.name.name, dumpType(*t.arg));
}

}  // namespace agentpol::ast
