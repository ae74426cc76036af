// bundle_source.h — how commands that decide requests (`eval`, `test`, …) get
// a loaded bundle: either one `.apb` file, read through the runtime's loader
// (which validates everything), or policy sources (files/folders) compiled in
// memory by parse + sema + codegen and then loaded the same way.
//
// Usage:
//   BundleSource src = loadBundleOrCompile(args.positional);
//   if (!src) { printBundleSourceErrors(src, format, std::cout, std::cerr, "eval"); return kExitFailed; }
//   agentpol::Request req(src.bundle); ... agentpol::decide(*src.bundle, req);
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <agentpol/bundle.h>

#include "driver/frontend.h"

namespace agentpol::driver {

struct BundleSource {
  std::shared_ptr<const agentpol::Bundle> bundle;  // null on failure
  // Set when the bundle came from policy sources: the diagnostics (warnings
  // too) and the source manager they refer to. Null for an `.apb` input.
  std::unique_ptr<Compilation> compilation;
  // Why no bundle could be had when the reason is not a diagnostic: an
  // unreadable/invalid `.apb` ("cannot open x.apb", the loader's message), a
  // mix of `.apb` and policy files, or a compiled bundle the loader rejected
  // (a compiler bug, reported as such). Empty on success.
  std::string error;
  bool fromBundleFile = false;  // the input was an `.apb`

  explicit operator bool() const { return bundle != nullptr; }
};

// Compiles a checked compilation to bundle bytes. A rule that exceeds a
// runtime limit (value stack, set scratch area) is reported as E0902 at the
// rule, and then the result is empty. `debug`: with the debug table (rule
// and part positions for `test --coverage` and `eval --explain`).
std::vector<uint8_t> compileToBundleBytes(Compilation& c, bool debug = true);

// True when `paths` names exactly one bundle: a path ending in `.apb`, or a
// regular file that starts with the bundle magic bytes.
bool isBundlePath(const std::vector<std::string>& paths);

// `paths` is either one `.apb` file or policy sources (as for `check`).
// Never throws for bad input; on failure `bundle` is null and `error` or the
// compilation's diagnostics say why.
BundleSource loadBundleOrCompile(const std::vector<std::string>& paths);

// Reports a failed BundleSource: the diagnostics (text to `err`, or JSON to
// `out` with OutputFormat::Json), or `agentpolc COMMAND: <error>` to `err`.
void printBundleSourceErrors(const BundleSource& src, OutputFormat format, std::ostream& out,
                             std::ostream& err, std::string_view command);

}  // namespace agentpol::driver
