// parser.h — the parse stage's one entry point: source text -> ast::File.
// Validates UTF-8, lexes and parses with the ANTLR-generated parser (grammar/
// AgentPol.g4), bounds nesting depth, reports lexical and syntax errors with
// codes E00xx, and builds the AST. No ANTLR type escapes this stage.
#pragma once

#include "ast/ast.h"
#include "diag/diagnostic.h"
#include "diag/source_manager.h"

namespace agentpol::parse {

// Maximum expression nesting (brackets, prefix operators, `if`, `=>`) before
// E0006 is reported instead of parsing; keeps hostile input from exhausting
// the stack.
inline constexpr int kMaxNesting = 256;

// Maximum number of binary and postfix operators in one declaration before
// E0020 is reported: left-associative chains (`a && b && …`, `x.a.b…`) build
// left-deep trees that every later stage walks recursively.
inline constexpr int kMaxOperators = 4096;

// Parses the file `id` of `sm`. Always returns a File; when the source has
// errors they are reported to `diags` and the File holds the declarations that
// could be built (possibly none).
ast::File parseFile(const diag::SourceManager& sm, FileId id, diag::DiagnosticEngine& diags);

}  // namespace agentpol::parse
