// verify_args.cpp — parsing of --today, --max-review-age and --timeout.
#include "driver/verify_args.h"

#include <chrono>
#include <cstdio>

#include <fmt/format.h>

namespace agentpol::driver {

namespace {
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}
}  // namespace

bool parseDate(const std::string& text, int64_t& epoch) {
  int y = 0, m = 0, d = 0, n = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 || text.size() != 10) return false;
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  epoch = daysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400;
  return true;
}

bool parseDurationMs(const std::string& text, int64_t& ms) {
  size_t i = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == 0 || i > 12) return false;
  int64_t n = std::stoll(text.substr(0, i));
  std::string unit = text.substr(i);
  int64_t mul = unit == "ms" ? 1 : unit == "s" ? 1000 : unit == "m" ? 60000 : unit == "h" ? 3600000
              : unit == "d" ? 86400000 : 0;
  if (!mul) return false;
  ms = n * mul;
  return true;
}

bool parseVerifyOptions(const ParsedArgs& args, verify::VerifyOptions& out, std::string& error) {
  if (args.has("today")) {
    if (!parseDate(args.get("today"), out.today)) {
      error = fmt::format("--today must be a date like 2026-11-28, not `{}`", args.get("today"));
      return false;
    }
  } else {
    auto now = std::chrono::system_clock::now().time_since_epoch();
    int64_t s = std::chrono::duration_cast<std::chrono::seconds>(now).count();
    out.today = s - s % 86400;
  }
  int64_t ms = 0;
  if (args.has("max-review-age")) {
    if (!parseDurationMs(args.get("max-review-age"), ms)) {
      error = fmt::format("--max-review-age must be a duration like 90d, not `{}`", args.get("max-review-age"));
      return false;
    }
    out.maxReviewAge = ms / 1000;
  }
  if (args.has("timeout")) {
    if (!parseDurationMs(args.get("timeout"), ms) || ms <= 0 || ms > 3600000) {
      error = fmt::format("--timeout must be a duration like 10s or 500ms (at most 1h), not `{}`",
                          args.get("timeout"));
      return false;
    }
    out.timeoutMs = static_cast<unsigned>(ms);
  }
  return true;
}

}  // namespace agentpol::driver
