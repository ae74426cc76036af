// parse_test_util.h — runs parseFile on in-memory text and keeps what tests
// compare: the AST dump, the rendered diagnostics (exactly as users see
// them) and their codes.
#pragma once

#include <string>
#include <vector>

#include "ast/ast.h"
#include "diag/diagnostic.h"
#include "diag/source_manager.h"

namespace agentpol::test {

struct Parsed {
  diag::SourceManager sm;
  diag::DiagnosticEngine diags;
  ast::File file;

  std::string dump() const;
  // Every diagnostic rendered with diag::renderText, in source order.
  std::string rendered() const;
  // The diagnostics' codes, in source order.
  std::vector<std::string> codes() const;
};

// Parses `text` as the file `path` (default `test.agentpol`).
Parsed parseText(const std::string& text, const std::string& path = "test.agentpol");
std::string readFile(const std::string& path);

// The diagnostics of parsing `source` as test.agentpol, rendered.
std::string renderedFor(const std::string& source);

}  // namespace agentpol::test
