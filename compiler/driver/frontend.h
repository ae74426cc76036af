// frontend.h — runs the front end for a command: reads the policy files (or
// every .agentpol file of a given folder), parses them, checks them, and
// prints the diagnostics as text (stderr) or JSON. Every subcommand that
// takes policy sources starts here.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/source_manager.h"
#include "sema/sema.h"

namespace agentpol::driver {

enum class OutputFormat { Text, Json };

struct Compilation {
  diag::SourceManager sources;
  diag::DiagnosticEngine diags;
  std::unique_ptr<sema::CheckedPolicy> policy;  // null when there were errors
};

// Largest policy file accepted (offsets in the AST are 32-bit).
inline constexpr size_t kMaxSourceBytes = 16u << 20;

// Expands folders to their *.agentpol files (sorted) and reads everything.
std::unique_ptr<Compilation> compileSources(const std::vector<std::string>& paths);

// Text diagnostics go to `err`; with OutputFormat::Json one JSON object
// {"diagnostics": […]} goes to `out` instead.
void printDiagnostics(const Compilation& c, OutputFormat format, std::ostream& out, std::ostream& err);

// Parses a `--format` value; returns false for anything but text/json.
bool parseOutputFormat(const std::string& value, OutputFormat& format);

}  // namespace agentpol::driver
