// ast_dump.h — a canonical S-expression dump of the AST, one declaration per
// top-level line group: `(rule permit (agents *) (actions refund) (when (<= amount
// (money 50.00 EUR))))`. Used by the parse golden tests (tests/parse/golden)
// and by agentpolc's debug output. Ranges and sema annotations are not shown.
#pragma once

#include <string>

#include "ast/ast.h"

namespace agentpol::ast {

std::string dumpFile(const File& file);
std::string dumpDecl(const Decl& decl);
std::string dumpExpr(const Expr& expr);
std::string dumpType(const TypeExpr& type);

}  // namespace agentpol::ast
