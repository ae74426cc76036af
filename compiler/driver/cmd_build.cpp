// cmd_build.cpp — `agentpolc build FILE… -o OUT.apb`: parse, check, lower and
// emit a bundle, check it with the runtime's loader, then write it atomically
// (temp file + rename). Nothing is written when there is any error.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <agentpol/bundle.h>

#include "codegen/codegen.h"
#include "diag/render.h"
#include "driver/commands.h"
#include "driver/exit_codes.h"
#include "driver/frontend.h"

namespace agentpol::driver {
namespace fs = std::filesystem;

const CommandSpec& buildSpec() {
  static const CommandSpec spec{
      "build",
      "agentpolc build FILE|FOLDER… -o OUT.apb [--format text|json]",
      "Compile a policy set to a bytecode bundle (.apb).",
      "The bundle is checked by the runtime's loader before it is written;\n"
      "the file is replaced atomically, and never written when there are errors.\n"
      "Exit status: 0 written, 1 errors, 2 usage error.",
      {{"output", 'o', "OUT", "the bundle file to write (required)"},
       {"format", 0, "FORMAT", "text (default) or json"}},
      1,
      false};
  return spec;
}

namespace {

// Writes `bytes` to `path` through a temporary file in the same folder.
bool writeAtomically(const std::string& path, const std::vector<uint8_t>& bytes, std::string& reason) {
  fs::path target(path);
  fs::path tmp = target;
  tmp += ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      reason = "cannot create " + tmp.string();
      return false;
    }
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      reason = "cannot write " + tmp.string();
      out.close();
      std::error_code ec;
      fs::remove(tmp, ec);
      return false;
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    reason = ec.message();
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

struct Outcome {
  std::vector<std::string> errors;  // not diagnostics: limits, loader, I/O
  size_t size = 0;
  size_t rules = 0;
};

std::string where(const Compilation& c, const SourceRange& r) {
  if (!r.valid()) return "";
  auto lc = c.sources.lineCol(r.file, r.begin);
  return fmt::format("{}:{}:{}: ", c.sources.path(r.file), lc.line, lc.column);
}

Outcome emit(const Compilation& c, const std::string& outPath) {
  Outcome o;
  std::vector<codegen::LimitError> limits;
  std::vector<uint8_t> bytes = codegen::compileBundleBytes(*c.policy, &limits);
  for (const codegen::LimitError& e : limits) o.errors.push_back(where(c, e.range) + "error: " + e.message);
  if (!o.errors.empty()) return o;
  LoadResult loaded = load_bundle(bytes);
  if (!loaded) {
    o.errors.push_back("internal error: the compiled bundle does not load: " + loaded.error);
    return o;
  }
  std::string reason;
  if (!writeAtomically(outPath, bytes, reason)) o.errors.push_back("cannot write `" + outPath + "`: " + reason);
  o.size = bytes.size();
  o.rules = loaded.bundle->image().rules.size();
  return o;
}

}  // namespace

int runBuild(const ParsedArgs& args) {
  OutputFormat format = OutputFormat::Text;
  if (!parseOutputFormat(args.get("format", "text"), format)) {
    std::cerr << "agentpolc build: --format must be `text` or `json`\n";
    return kExitUsage;
  }
  std::string outPath = args.get("output");
  if (outPath.empty()) {
    std::cerr << "agentpolc build: missing `-o OUT.apb`\nTry `agentpolc build --help`.\n";
    return kExitUsage;
  }
  auto c = compileSources(args.positional);
  Outcome o;
  if (c->policy) o = emit(*c, outPath);
  bool ok = c->policy && o.errors.empty();
  if (format == OutputFormat::Json) {
    nlohmann::json j = nlohmann::json::parse(diag::renderJson(c->sources, c->diags.sorted()));
    j["errors"] = o.errors;
    j["ok"] = ok;
    if (ok) j["bundle"] = {{"path", outPath}, {"bytes", o.size}, {"rules", o.rules},
                           {"source_hash", c->policy->sourceHashHex()}};
    std::cout << j.dump() << "\n";
  } else {
    printDiagnostics(*c, format, std::cout, std::cerr);
    for (const std::string& e : o.errors) std::cerr << "agentpolc build: " << e << "\n";
    if (ok) std::cout << fmt::format("wrote {} ({} bytes, {} rules)\n", outPath, o.size, o.rules);
  }
  return ok ? kExitOk : kExitFailed;
}

}  // namespace agentpol::driver
