// sema.h — the semantic analysis stage's entry point: a set of parsed files
// -> CheckedPolicy. Loads imported stdlib modules, builds the schema and the
// agent inventory, resolves names, type-checks rules, defs and asserts
// (spec section 5), inlines defs and hashes the sources. See docs/sema.md.
#pragma once

#include <memory>
#include <vector>

#include "ast/ast.h"
#include "diag/diagnostic.h"
#include "diag/source_manager.h"
#include "sema/checked_policy.h"
#include "sema/module_loader.h"

namespace agentpol::sema {

// Checks `files` as one policy set and reports every error it finds to
// `diags`. Returns the checked policy, or null when any error was reported
// (by this or an earlier stage). Never crashes on partial ASTs (files with
// syntax errors): missing parts are skipped.
std::unique_ptr<CheckedPolicy> check(std::vector<ast::File> files, diag::SourceManager& sm,
                                     diag::DiagnosticEngine& diags);

// The same with another module table than the embedded stdlib (tests).
std::unique_ptr<CheckedPolicy> checkWithModules(std::vector<ast::File> files, const std::vector<ModuleSource>& modules,
                                                diag::SourceManager& sm, diag::DiagnosticEngine& diags);

}  // namespace agentpol::sema
