// cmd_build.cpp — `agentpolc build FILE… -o OUT.apb`: parse, check, lower and
// emit a bundle, check it with the runtime's loader, then write it atomically
// (temp file + rename). Nothing is written when there is any error.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <agentpol/bundle.h>

#include "driver/bundle_source.h"
#include "diag/render.h"
#include "driver/commands.h"
#include "driver/exit_codes.h"
#include "driver/frontend.h"
#include "driver/verify_args.h"
#include "verify/bytecode/bundle_mutation.h"
#include "verify/bytecode/translation_validation.h"

namespace agentpol::driver {
namespace fs = std::filesystem;

const CommandSpec& buildSpec() {
  static const CommandSpec spec{
      "build",
      "agentpolc build FILE|FOLDER… -o OUT.apb [--format text|json] [--verify [--timeout DUR]] [--no-debug]",
      "Compile a policy set to a bytecode bundle (.apb).",
      "The bundle is checked by the runtime's loader before it is written;\n"
      "the file is replaced atomically, and never written when there are errors.\n"
      "With --verify, the bundle is first proved to decide every request exactly\n"
      "like the policy (translation validation); when they differ it is not\n"
      "written and a counterexample request is printed.\n"
      "The bundle holds a debug table (each rule's file:line, its condition\n"
      "parts and their code offsets) for `test --coverage` and `eval --explain`;\n"
      "--no-debug leaves it out (explain then gives no failed part).\n"
      "Exit status: 0 written, 1 errors (or the bundle differs), 2 usage error,\n"
      "3 --verify could not decide (nothing written).",
      {{"output", 'o', "OUT", "the bundle file to write (required)"},
       {"format", 0, "FORMAT", "text (default) or json"},
       {"verify", 0, "", "prove the bundle equal to the policy before writing it"},
       {"timeout", 0, "DUR", "--verify: solver time limit per query (default 10s)"},
       {"no-debug", 0, "", "leave out the debug table (rule and condition-part positions)"}},
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

// ---- --verify: translation validation before writing (docs/verification.md)

struct BuildVerify {
  bool on = false;
  unsigned timeoutMs = 10000;
  bool debug = true;  // write the debug table (not --no-debug)
};

// Testing hook: AGENTPOL_BUILD_MUTATE=flip-comparison|bump-constant|user-rule-true
// miscompiles the bundle on purpose so the tests can see --verify refuse it.
void applyTestMutation(std::shared_ptr<const Bundle>& bundle, std::vector<uint8_t>& bytes) {
  const char* name = std::getenv("AGENTPOL_BUILD_MUTATE");
  if (!name || !*name) return;
  auto m = verify::bytecode::mutationNamed(name);
  if (!m) return;
  std::optional<BundleImage> image = verify::bytecode::mutateBundle(*bundle, *m);
  if (!image) return;
  std::vector<uint8_t> mutated = serialize(*image);
  LoadResult r = load_bundle(mutated);
  if (!r) return;
  bundle = r.bundle;
  bytes = std::move(mutated);
}

// Proves the bundle equal to the policy. Returns the exit code: 0 proved,
// 1 they differ, 3 undecided; `report` gets the details.
int verifyBundle(const sema::CheckedPolicy& policy, std::shared_ptr<const Bundle> bundle, unsigned timeoutMs,
                 nlohmann::json& report) {
  verify::bytecode::TranslationResult r = verify::bytecode::validateTranslation(policy, std::move(bundle), timeoutMs);
  report = {{"status", verify::statusName(r.status)}, {"message", r.message}, {"millis", r.millis}};
  if (!r.action.empty()) report["action"] = r.action;
  if (!r.rule.empty()) report["rule"] = r.rule;
  if (r.counterexample) {
    report["counterexample"] = *r.counterexample;
    report["source"] = r.sourceDecision;
    report["bytecode"] = r.bytecodeDecision;
  }
  if (r.status == verify::Status::Proved) return kExitOk;
  return r.status == verify::Status::Violated ? kExitFailed : kExitUnknown;
}

// Text output of --verify: the verdict on stderr (stdout on success), the
// counterexample request as one JSON line on stdout.
void printVerify(const nlohmann::json& v, const std::string& outPath) {
  std::string status = v.value("status", "");
  if (status == "proved") {
    std::cout << fmt::format("verified: {} ({:.0f} ms)\n", v.value("message", ""), v.value("millis", 0.0));
    return;
  }
  std::cerr << fmt::format("agentpolc build: --verify: {}\n", v.value("message", ""));
  if (v.contains("counterexample")) {
    std::cerr << fmt::format("agentpolc build: --verify: policy {}, bundle {}{}; counterexample request:\n",
                             v.value("source", ""), v.value("bytecode", ""),
                             v.contains("rule") ? ", rule `" + v["rule"].get<std::string>() + "`" : "");
    std::cout << v["counterexample"].dump() << "\n";
  }
  std::cerr << fmt::format("agentpolc build: `{}` not written\n", outPath);
}

struct Outcome {
  std::vector<std::string> errors;  // not diagnostics: loader, I/O
  size_t size = 0;
  size_t rules = 0;
  int verifyExit = kExitOk;  // --verify: 1 differs, 3 undecided
  nlohmann::json verify;     // --verify: the translation validation result
};

// Emits and writes the bundle; limit errors become diagnostics in `c`.
Outcome emit(Compilation& c, const std::string& outPath, const BuildVerify& check) {
  Outcome o;
  std::vector<uint8_t> bytes = compileToBundleBytes(c, check.debug);
  if (bytes.empty()) return o;
  LoadResult loaded = load_bundle(bytes);
  if (!loaded) {
    o.errors.push_back("internal error: the compiled bundle does not load: " + loaded.error);
    return o;
  }
  if (check.on) {
    std::shared_ptr<const Bundle> bundle = loaded.bundle;
    applyTestMutation(bundle, bytes);
    o.verifyExit = verifyBundle(*c.policy, bundle, check.timeoutMs, o.verify);
    if (o.verifyExit != kExitOk) return o;  // nothing written
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
  BuildVerify check;
  check.on = args.has("verify");
  check.debug = !args.has("no-debug");
  std::string error;
  if (!parseTimeoutOption(args, &check.timeoutMs, error)) {
    std::cerr << "agentpolc build: " << error << "\n";
    return kExitUsage;
  }
  auto c = compileSources(args.positional);
  Outcome o;
  if (c->policy) o = emit(*c, outPath, check);
  bool ok = c->policy && o.errors.empty() && !c->diags.hasErrors() && o.verifyExit == kExitOk;
  if (format == OutputFormat::Json) {
    nlohmann::json j = nlohmann::json::parse(diag::renderJson(c->sources, c->diags.sorted()));
    j["errors"] = o.errors;
    j["ok"] = ok;
    if (ok) j["bundle"] = {{"path", outPath}, {"bytes", o.size}, {"rules", o.rules},
                           {"source_hash", c->policy->sourceHashHex()}};
    if (!o.verify.is_null()) j["verify"] = o.verify;
    std::cout << j.dump() << "\n";
  } else {
    printDiagnostics(*c, format, std::cout, std::cerr);
    for (const std::string& e : o.errors) std::cerr << "agentpolc build: " << e << "\n";
    if (!o.verify.is_null()) printVerify(o.verify, outPath);
    if (ok) std::cout << fmt::format("wrote {} ({} bytes, {} rules)\n", outPath, o.size, o.rules);
  }
  if (ok) return kExitOk;
  return o.errors.empty() && !c->diags.hasErrors() && o.verifyExit != kExitOk ? o.verifyExit : kExitFailed;
}

}  // namespace agentpol::driver
