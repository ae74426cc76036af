// lexical_check.h — reports the lexer's error tokens (stray characters,
// unterminated strings and comments, numbers glued to letters) once each,
// before parsing; the syntax-error strategy then stays silent about them.
#pragma once

#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "parse/tokens.h"

namespace agentpol::parse {

void reportLexicalErrors(const std::vector<Tok>& toks, std::string_view src, FileId file,
                         diag::DiagnosticEngine& diags);

}  // namespace agentpol::parse
