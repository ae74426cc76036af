// render.h — turns diagnostics into what users read: text with file:line:col,
// the source line and a caret under the range; or JSON for tools
// (`--format json`). Both take the diagnostics already sorted.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/source_manager.h"

namespace agentpol::diag {

// One diagnostic as text, ending in a newline:
//   policy.agentpol:12:22: error[E0301]: cannot compare `Money<EUR>` with `Int`
//      12 |   when amount <= 50
//         |                  ^~
std::string renderText(const SourceManager& sm, const Diagnostic& d);

// {"diagnostics": [{"code", "severity", "file", "line", "column",
//   "end_line", "end_column", "message", "notes": [...]}, …]}
std::string renderJson(const SourceManager& sm, const std::vector<Diagnostic>& diags);

}  // namespace agentpol::diag
