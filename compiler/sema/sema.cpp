// sema.cpp — sema::check: runs the passes in order (imports, schema, agents,
// defs, rules, asserts), then hashes the sources. Each pass reports and goes
// on, so one run reports every error; the policy is returned only when clean.
#include "sema/sema.h"

#include <algorithm>
#include <filesystem>

#include "sema/agents.h"
#include "sema/defs.h"
#include "sema/rules.h"
#include "sema/schema_builder.h"
#include "sema/sha256.h"

namespace agentpol::sema {
namespace {

std::array<uint8_t, 32> hashSources(const diag::SourceManager& sm, const LoadedSet& set) {
  std::vector<std::pair<std::string, const std::string*>> parts;
  for (size_t i = 0; i < set.files.size(); ++i) {
    const ast::File& f = set.files[i];
    if (f.id == kNoFile || f.id >= sm.fileCount()) continue;
    uint32_t origin = set.originOfFile[i];
    std::string key = origin == kUserOrigin ? std::filesystem::path(f.path).stem().string()
                                            : "module " + set.originNames[origin];
    parts.emplace_back(std::move(key), &sm.text(f.id));
  }
  std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : *a.second < *b.second;
  });
  Sha256 h;
  for (const auto& [key, text] : parts) {
    h.update(key);
    h.update(std::string_view("\0", 1));
    h.update(std::to_string(text->size()));
    h.update(std::string_view("\0", 1));
    h.update(*text);
  }
  return h.finish();
}

}  // namespace

std::string CheckedPolicy::sourceHashHex() const { return Sha256::hex(sourceHash); }

std::unique_ptr<CheckedPolicy> checkWithModules(std::vector<ast::File> files, const std::vector<ModuleSource>& modules,
                                                diag::SourceManager& sm, diag::DiagnosticEngine& diags) {
  auto policy = std::make_unique<CheckedPolicy>();
  policy->types = std::make_unique<TypeContext>();
  LoadedSet set = loadModules(std::move(files), modules, sm, diags);
  SemaState st(sm, diags, *policy->types, policy->schema);
  buildSchema(st, set);
  buildAgents(st, set);
  checkDefs(st);
  checkRules(st, set, *policy);
  checkAsserts(st, set, *policy);
  policy->namespaceName = st.namespaceName;
  for (size_t o = 1; o < set.originNames.size(); ++o) policy->modules.push_back(set.originNames[o]);
  policy->sourceHash = hashSources(sm, set);
  if (diags.hasErrors()) return nullptr;
  return policy;
}

std::unique_ptr<CheckedPolicy> check(std::vector<ast::File> files, diag::SourceManager& sm,
                                     diag::DiagnosticEngine& diags) {
  return checkWithModules(std::move(files), embeddedStdlib(), sm, diags);
}

}  // namespace agentpol::sema
