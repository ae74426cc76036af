// operator_text.cpp — binary operator spellings (spec section 5).
#include "ast/operator_text.h"

namespace agentpol::ast {

const char* binaryOpText(BinaryExpr::Op op) {
  using Op = BinaryExpr::Op;
  switch (op) {
    case Op::And: return "&&";
    case Op::Or: return "||";
    case Op::Implies: return "=>";
    case Op::Eq: return "==";
    case Op::Ne: return "!=";
    case Op::Lt: return "<";
    case Op::Le: return "<=";
    case Op::Gt: return ">";
    case Op::Ge: return ">=";
    case Op::In: return "in";
    case Op::Add: return "+";
    case Op::Sub: return "-";
    case Op::Mul: return "*";
  }
  return "?";
}

}  // namespace agentpol::ast
