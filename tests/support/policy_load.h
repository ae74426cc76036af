// policy_load.h — test support: compile policy sources (files, folders, or
// text) through parse + sema, and optionally to a loaded bundle through
// codegen and the runtime's loader. Shared by the ir, codegen and other
// stages' tests.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <agentpol/bundle.h>

#include "diag/diagnostic.h"
#include "diag/source_manager.h"
#include "sema/checked_policy.h"

namespace agentpol::test {

struct LoadedPolicy {
  diag::SourceManager sm;
  diag::DiagnosticEngine diags;
  std::unique_ptr<sema::CheckedPolicy> policy;  // null on errors
  std::string diagnostics() const;              // rendered, for failure messages
};

// Files and folders (a folder: its *.agentpol files in name order).
std::unique_ptr<LoadedPolicy> loadPolicyFiles(const std::vector<std::string>& paths);
// One in-memory file `test.agentpol`.
std::unique_ptr<LoadedPolicy> loadPolicyText(const std::string& text);

// Compiles and loads; throws std::runtime_error with the reason on any error
// (diagnostics, codegen limits, or the loader rejecting compiler output).
std::shared_ptr<const Bundle> compileAndLoad(const sema::CheckedPolicy& policy);

// The policy sets under a folder: each subfolder with .agentpol files is one set.
std::vector<std::string> policySetFolders(const std::string& root);

// Every policy set the VM is checked on (differential and explain tests):
// each set of examples/ and tests/semantics/, the conformance billing policy
// and each file of tests/codegen/policies/.
std::vector<std::vector<std::string>> checkedPolicySets(const std::string& sourceDir, const std::string& sharedDir);

}  // namespace agentpol::test
