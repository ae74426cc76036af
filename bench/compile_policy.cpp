// compile_policy.cpp — compilePolicyBytes(): parseFile → sema::check →
// codegen::compileBundleBytes, as `agentpolc build` does, for the benchmarks.
#include "compile_policy.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "codegen/codegen.h"
#include "diag/diagnostic.h"
#include "diag/source_manager.h"
#include "parse/parser.h"
#include "sema/sema.h"

namespace agentpol::bench {

std::vector<uint8_t> compilePolicyBytes(const std::string& name, const std::string& text, bool debug) {
  diag::SourceManager sm;
  diag::DiagnosticEngine diags;
  FileId id = sm.addFile(name, text);
  std::vector<ast::File> files;
  files.push_back(parse::parseFile(sm, id, diags));
  auto policy = sema::check(std::move(files), sm, diags);
  if (!policy || diags.hasErrors()) {
    for (const auto& d : diags.sorted()) std::cerr << name << ": " << d.message << "\n";
    return {};
  }
  return codegen::compileBundleBytes(*policy, nullptr, debug ? &sm : nullptr);
}

std::shared_ptr<const Bundle> compilePolicy(const std::string& name, const std::string& text, bool debug) {
  std::vector<uint8_t> bytes = compilePolicyBytes(name, text, debug);
  if (bytes.empty()) return nullptr;
  LoadResult r = load_bundle(bytes);
  if (!r) std::cerr << name << ": " << r.error << "\n";
  return r.bundle;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace agentpol::bench
