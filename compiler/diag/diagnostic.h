// diagnostic.h — diagnostics as data: the registry ids generated from
// diagnostics.def, the Diagnostic record (code, range, message, notes) and
// the DiagnosticEngine every compiler stage reports into. Rendering to text
// or JSON lives in diag/render.h.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ast/source_range.h"

namespace agentpol::diag {

enum class Severity { Error, Warning };

enum class DiagId {
#define DIAG(Name, Code, Sev, Msg) Name,
#include "diag/diagnostics.def"
#undef DIAG
};

struct DiagInfo {
  const char* name;    // e.g. "UnknownName"
  const char* code;    // e.g. "E0101"
  Severity severity;
  const char* format;  // fmt format string
};

const DiagInfo& info(DiagId id);
// Every registered diagnostic, in registry order (used by docs and tests).
const std::vector<DiagInfo>& allDiagnostics();

struct Note {
  SourceRange range;  // may be invalid (a note without a location)
  std::string message;
};

struct Diagnostic {
  DiagId id;
  SourceRange range;
  std::string message;
  std::vector<Note> notes;

  const char* code() const { return info(id).code; }
  Severity severity() const { return info(id).severity; }
};

class DiagnosticEngine {
 public:
  // Reports a diagnostic; `args` fill the registry message's `{}` holes.
  template <typename... Args>
  Diagnostic& report(DiagId id, SourceRange range, const Args&... args) {
    return add(Diagnostic{id, range, formatMessage(info(id).format, args...), {}});
  }

  bool hasErrors() const { return errorCount_ > 0; }
  size_t errorCount() const { return errorCount_; }
  // All diagnostics, sorted by file and position (stable for equal positions).
  std::vector<Diagnostic> sorted() const;
  const std::vector<Diagnostic>& all() const { return diags_; }

 private:
  template <typename... Args>
  static std::string formatMessage(const char* format, const Args&... args) {
    try {
      return fmt::format(fmt::runtime(format), args...);
    } catch (const fmt::format_error&) {
      return format;  // a registry/argument mismatch; covered by tests
    }
  }
  Diagnostic& add(Diagnostic d);

  std::vector<Diagnostic> diags_;
  size_t errorCount_ = 0;
};

}  // namespace agentpol::diag
