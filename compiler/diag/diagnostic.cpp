// diagnostic.cpp — the registry table and the engine's bookkeeping.
#include "diag/diagnostic.h"

#include <algorithm>

namespace agentpol::diag {

const std::vector<DiagInfo>& allDiagnostics() {
  static const std::vector<DiagInfo> table = {
#define DIAG(Name, Code, Sev, Msg) {#Name, Code, Severity::Sev, Msg},
#include "diag/diagnostics.def"
#undef DIAG
  };
  return table;
}

const DiagInfo& info(DiagId id) { return allDiagnostics()[static_cast<size_t>(id)]; }

Diagnostic& DiagnosticEngine::add(Diagnostic d) {
  if (d.severity() == Severity::Error) ++errorCount_;
  diags_.push_back(std::move(d));
  return diags_.back();
}

std::vector<Diagnostic> DiagnosticEngine::sorted() const {
  std::vector<Diagnostic> out = diags_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.file != b.range.file) return a.range.file < b.range.file;
    return a.range.begin < b.range.begin;
  });
  return out;
}

}  // namespace agentpol::diag
