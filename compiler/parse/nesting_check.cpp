// nesting_check.cpp — simulates the parser's recursion on the token stream.
// Every construct the ANTLR parser enters recursively opens a frame: brackets,
// prefix `!` and unary `-` (until a looser binary operator ends the operand),
// `if` (until its else branch ends) and `=>` (right-associative). The frame
// stack's height is the recursion depth the parser would reach.
#include "parse/nesting_check.h"

#include "AgentPolLexer.h"

namespace agentpol::parse {
namespace {

using L = agentpol_grammar::AgentPolLexer;

// Binding strength of the binary and postfix operators, as numbered in the
// generated parser (precpred levels): a prefix operand parsed at level p
// absorbs an operator of level q when q >= p.
constexpr int kNotLevel = 5, kNegLevel = 11, kElseLevel = 2;

int binaryLevel(size_t type) {
  switch (type) {
    case L::DOT: return 12;
    case L::STAR: return 10;
    case L::PLUS: case L::MINUS: return 9;
    case L::EQ: case L::NE: case L::LT: case L::LE: case L::GT: case L::GE: case L::IN: return 8;
    case L::LIKE: return 7;
    case L::HAS: return 6;
    case L::AND: return 4;
    case L::OR: return 3;
    case L::IMPLIES: return 1;
    default: return 0;
  }
}

bool endsOperand(size_t type) {
  switch (type) {
    case L::ID: case L::INT: case L::DECIMAL: case L::DURATION: case L::TIME: case L::STRING:
    case L::BAD_NUMBER: case L::TRUE: case L::FALSE: case L::NOW: case L::AGENT: case L::USER:
    case L::CONTEXT: case L::RPAREN: case L::RBRACK: case L::RBRACE:
      return true;
    default:
      return false;
  }
}

bool isOpen(size_t t) { return t == L::LPAREN || t == L::LBRACK || t == L::LBRACE; }
bool isClose(size_t t) { return t == L::RPAREN || t == L::RBRACK || t == L::RBRACE; }

// Tokens after which a new expression (or none) starts: every open frame that
// is not a bracket ends.
bool endsExpression(size_t t) {
  switch (t) {
    case L::COMMA: case L::SEMI: case L::COLON: case L::ASSIGN: case L::WHEN: case L::UNLESS:
      return true;
    default:
      return false;
  }
}

class Simulator {
 public:
  enum class Frame { Bracket, Prefix, IfCond, IfThen, IfElse, Implies };

  void step(const std::vector<Tok>& toks, size_t i) {
    size_t t = toks[i].type;
    trackTypeArguments(toks, i);
    if (t == L::MINUS && (i == 0 || !endsOperand(toks[i - 1].type))) return push(Frame::Prefix, kNegLevel);
    if (t == L::NOT) return push(Frame::Prefix, kNotLevel);
    if (t == L::IF) return push(Frame::IfCond, 0);
    if (t == L::THEN) return advanceIf(Frame::IfCond, Frame::IfThen);
    if (t == L::ELSE) return advanceIf(Frame::IfThen, Frame::IfElse);
    if (isOpen(t)) return push(Frame::Bracket, 0);
    if (isClose(t)) return closeBracket();
    if (endsExpression(t) || startsDecl(toks, i)) return popToBracket();
    if (int q = binaryLevel(t)) binary(q);
  }

  size_t depth() const { return stack_.size() + typeRun_; }

 private:
  struct Entry {
    Frame frame;
    int level;  // operand level for Prefix frames
  };

  // `Set<Set<Set<…` nests the parser's `type` rule; so does a run of
  // `a < b < c < …` in an expression (a chained comparison, an error anyway).
  void trackTypeArguments(const std::vector<Tok>& toks, size_t i) {
    size_t t = toks[i].type;
    if (t == L::LT && i > 0 && toks[i - 1].type == L::ID)
      typeRun_ = i >= 2 && toks[i - 2].type == L::LT ? typeRun_ + 1 : 1;
    else if (t != L::ID)
      typeRun_ = 0;
  }

  void push(Frame f, int level) { stack_.push_back({f, level}); }

  void popToBracket() {
    while (!stack_.empty() && stack_.back().frame != Frame::Bracket) stack_.pop_back();
  }

  void closeBracket() {
    popToBracket();
    if (!stack_.empty()) stack_.pop_back();
  }

  // `then` ends the condition of the nearest `if`, `else` its then-branch; the
  // frames opened inside that part end with it.
  void advanceIf(Frame from, Frame to) {
    for (size_t k = stack_.size(); k-- > 0;) {
      if (stack_[k].frame == Frame::Bracket) return;
      if (stack_[k].frame == from) {
        stack_.resize(k + 1);
        stack_.back().frame = to;
        return;
      }
    }
  }

  // A binary operator of level q ends every operand on top that binds tighter.
  void binary(int q) {
    while (!stack_.empty()) {
      const Entry& e = stack_.back();
      bool ends = (e.frame == Frame::Prefix && q < e.level) || (e.frame == Frame::IfElse && q < kElseLevel);
      if (!ends) break;
      stack_.pop_back();
    }
    if (q == binaryLevel(L::IMPLIES)) push(Frame::Implies, 0);
  }

  std::vector<Entry> stack_;
  size_t typeRun_ = 0;
};

}  // namespace

std::optional<LimitViolation> checkLimits(const std::vector<Tok>& toks, size_t maxNesting, size_t maxOperators) {
  Simulator sim;
  size_t operators = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    size_t t = toks[i].type;
    if (t == L::SEMI || startsDecl(toks, i)) operators = 0;
    bool binaryMinus = t == L::MINUS && i > 0 && endsOperand(toks[i - 1].type);
    if ((binaryLevel(t) && t != L::MINUS) || binaryMinus) ++operators;
    sim.step(toks, i);
    if (sim.depth() > maxNesting) return LimitViolation{LimitViolation::Kind::Nesting, i};
    if (operators > maxOperators) return LimitViolation{LimitViolation::Kind::Operators, i};
  }
  return std::nullopt;
}

}  // namespace agentpol::parse
