// operator_text.h — the source spelling of each binary operator (`&&`, `<=`,
// `in`, …): the one table the AST dump, sema's messages and the tests share.
#pragma once

#include "ast/ast.h"

namespace agentpol::ast {

// BinaryExpr::Op::Le -> `<=`, as written in a policy.
const char* binaryOpText(BinaryExpr::Op op);

}  // namespace agentpol::ast
