// report_text.cpp — the human report of `verify`: one line per check and
// subject (✓ proved, ✗ violated, ? unknown) with its location and message,
// the rules that make it hold, and the counterexample request indented.
#include <fmt/format.h>

#include "verify/report.h"

namespace agentpol::verify {

namespace {

std::string where(const diag::SourceManager& sm, const SourceRange& r) {
  if (!r.valid()) return "";
  diag::LineCol lc = sm.lineCol(r.file, r.begin);
  return fmt::format("{}:{}:{}: ", sm.path(r.file), lc.line, lc.column);
}

const char* mark(Status s) { return s == Status::Proved ? "✓" : s == Status::Violated ? "✗" : "?"; }

}  // namespace

std::string renderText(const VerifyReport& report, const diag::SourceManager& sources) {
  std::string out;
  int counts[3] = {0, 0, 0};
  for (const CheckResult& c : report.checks) {
    counts[static_cast<int>(c.status)]++;
    std::string label = c.kind == "assert" ? "assert " + c.name : c.kind;
    if (!c.subject.empty()) label += " [" + c.subject + "]";
    out += fmt::format("{} {} {}: {}{} ({:.0f} ms)\n", mark(c.status), label, statusName(c.status),
                       where(sources, c.range), c.message, c.millis);
    if (c.rules && !c.rules->empty()) {
      std::string list;
      for (const std::string& r : *c.rules) list += (list.empty() ? "" : ", ") + r;
      out += fmt::format("    {}: {}\n", c.status == Status::Proved ? "holds because of" : "covered by", list);
    }
    if (c.counterexample) {
      out += "    counterexample:\n";
      std::string body = c.counterexample->dump(2);
      size_t start = 0;
      while (start <= body.size()) {
        size_t nl = body.find('\n', start);
        std::string line = body.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        out += "      " + line + "\n";
        if (nl == std::string::npos) break;
        start = nl + 1;
      }
    }
  }
  out += fmt::format("{} proved, {} violated, {} unknown\n", counts[0], counts[1], counts[2]);
  return out;
}

}  // namespace agentpol::verify
