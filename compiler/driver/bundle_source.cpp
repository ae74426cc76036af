// bundle_source.cpp — loadBundleOrCompile: an `.apb` through the runtime's
// loader, or policy sources through the front end and codegen, then the same
// loader (the loader is the referee for compiler output too).
#include "driver/bundle_source.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "codegen/codegen.h"

namespace agentpol::driver {
namespace fs = std::filesystem;

namespace {

bool startsWithMagic(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return false;
  std::ifstream in(path, std::ios::binary);
  char head[4] = {0, 0, 0, 0};
  in.read(head, 4);
  static const char kMagic[4] = {'A', 'P', 'B', 0x1A};
  return in.gcount() == 4 && std::memcmp(head, kMagic, 4) == 0;
}

bool endsWithApb(const std::string& path) { return fs::path(path).extension() == ".apb"; }

}  // namespace

std::vector<uint8_t> compileToBundleBytes(Compilation& c, bool debug) {
  std::vector<codegen::LimitError> limits;
  std::vector<uint8_t> bytes = codegen::compileBundleBytes(*c.policy, &limits, debug ? &c.sources : nullptr);
  for (const codegen::LimitError& e : limits) c.diags.report(diag::DiagId::RuleTooComplex, e.range, e.message);
  if (!limits.empty()) bytes.clear();
  return bytes;
}

bool isBundlePath(const std::vector<std::string>& paths) {
  return paths.size() == 1 && (endsWithApb(paths[0]) || startsWithMagic(paths[0]));
}

BundleSource loadBundleOrCompile(const std::vector<std::string>& paths) {
  BundleSource out;
  if (isBundlePath(paths)) {
    out.fromBundleFile = true;
    LoadResult r = load_bundle_file(paths[0]);
    if (!r) out.error = "invalid bundle `" + paths[0] + "`: " + r.error;
    out.bundle = r.bundle;
    return out;
  }
  for (const std::string& p : paths) {
    if (endsWithApb(p)) {
      out.error = "a bundle (`" + p + "`) cannot be combined with other inputs; give one .apb or policy files";
      return out;
    }
  }
  out.compilation = compileSources(paths);
  if (!out.compilation->policy) {
    if (!out.compilation->diags.hasErrors()) out.error = "no policy files given";
    return out;  // otherwise the diagnostics say why
  }
  std::vector<uint8_t> bytes = compileToBundleBytes(*out.compilation);
  if (bytes.empty()) return out;  // the diagnostics say why
  LoadResult r = load_bundle(bytes);
  if (!r) out.error = "internal error: the compiled bundle does not load: " + r.error;
  out.bundle = r.bundle;
  return out;
}

void printBundleSourceErrors(const BundleSource& src, OutputFormat format, std::ostream& out,
                             std::ostream& err, std::string_view command) {
  if (src.compilation) printDiagnostics(*src.compilation, format, out, err);
  if (!src.error.empty()) err << "agentpolc " << command << ": " << src.error << "\n";
}

}  // namespace agentpol::driver
