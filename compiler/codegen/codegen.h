// codegen.h — the codegen stage's entry point: a checked policy (lowered
// through compiler/ir/) becomes a runtime BundleImage, and bytes ready to be
// written as an .apb file. The runtime library owns the format
// (runtime/include/agentpol/bundle_image.h, serialize()).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <agentpol/bundle_image.h>

#include "ast/source_range.h"
#include "diag/source_manager.h"
#include "sema/checked_policy.h"

namespace agentpol::codegen {

// A rule whose code would exceed a limit of the runtime (value stack, set
// scratch area). The bundle is not usable when any is reported.
struct LimitError {
  std::string ruleId;
  SourceRange range;  // the rule
  std::string message;
};

// Lowers every rule of `policy` to bytecode and fills the bundle's tables
// (schema, inventory, rules, index, constants, source hash). Limit errors go
// to `errors` when given; without it they throw std::runtime_error. With
// `sources` (the policy's files) the debug table is written too: each rule's
// file:line, its condition parts (text, line, column) and where each part
// is computed in each body's code (coverage and explain read it).
BundleImage compileBundle(const sema::CheckedPolicy& policy, std::vector<LimitError>* errors = nullptr,
                          const diag::SourceManager* sources = nullptr);

// compileBundle + serialize: the bytes of an .apb bundle.
std::vector<uint8_t> compileBundleBytes(const sema::CheckedPolicy& policy, std::vector<LimitError>* errors = nullptr,
                                        const diag::SourceManager* sources = nullptr);

}  // namespace agentpol::codegen
