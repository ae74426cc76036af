// policy_load.cpp — parse + sema on files or text, codegen + load_bundle.
#include "policy_load.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "codegen/codegen.h"
#include "diag/render.h"
#include "parse/parser.h"
#include "sema/sema.h"

namespace agentpol::test {
namespace fs = std::filesystem;

namespace {

std::vector<std::string> expand(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    if (!fs::is_directory(p)) {
      out.push_back(p);
      continue;
    }
    std::vector<std::string> in;
    for (const auto& e : fs::directory_iterator(p))
      if (e.path().extension() == ".agentpol") in.push_back(e.path().string());
    std::sort(in.begin(), in.end());
    out.insert(out.end(), in.begin(), in.end());
  }
  return out;
}

std::unique_ptr<LoadedPolicy> check(const std::vector<std::pair<std::string, std::string>>& files) {
  auto c = std::make_unique<LoadedPolicy>();
  std::vector<ast::File> parsed;
  for (const auto& [path, text] : files) {
    FileId id = c->sm.addFile(path, text);
    parsed.push_back(parse::parseFile(c->sm, id, c->diags));
  }
  c->policy = sema::check(std::move(parsed), c->sm, c->diags);
  if (c->diags.hasErrors()) c->policy.reset();
  return c;
}

}  // namespace

std::string LoadedPolicy::diagnostics() const {
  std::string out;
  for (const diag::Diagnostic& d : diags.sorted()) out += diag::renderText(sm, d);
  return out;
}

std::unique_ptr<LoadedPolicy> loadPolicyFiles(const std::vector<std::string>& paths) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& p : expand(paths)) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    files.emplace_back(p, buf.str());
  }
  return check(files);
}

std::unique_ptr<LoadedPolicy> loadPolicyText(const std::string& text) { return check({{"test.agentpol", text}}); }

std::shared_ptr<const Bundle> compileAndLoad(const sema::CheckedPolicy& policy) {
  std::vector<codegen::LimitError> limits;
  std::vector<uint8_t> bytes = codegen::compileBundleBytes(policy, &limits);
  if (!limits.empty()) throw std::runtime_error(limits[0].message);
  LoadResult r = load_bundle(bytes);
  if (!r) throw std::runtime_error("the loader rejects compiler output: " + r.error);
  return r.bundle;
}

std::vector<std::string> policySetFolders(const std::string& root) {
  std::vector<std::string> out;
  if (!fs::is_directory(root)) return out;
  for (const auto& e : fs::directory_iterator(root))
    if (e.is_directory() && !expand({e.path().string()}).empty()) out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::vector<std::string>> checkedPolicySets(const std::string& sourceDir, const std::string& sharedDir) {
  std::vector<std::vector<std::string>> sets;
  for (const std::string& root : {sourceDir + "/examples", sourceDir + "/tests/semantics"})
    for (const std::string& f : policySetFolders(root)) sets.push_back({f});
  sets.push_back({sharedDir + "/conformance/billing/policy.agentpol"});
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(sourceDir + "/tests/codegen/policies"))
    if (e.path().extension() == ".agentpol") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) sets.push_back({f});
  return sets;
}

}  // namespace agentpol::test
