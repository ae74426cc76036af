// literal_text.cpp — formatting of times (proleptic Gregorian calendar, H.
// Hinnant's civil_from_days) and money amounts for dumps and messages.
#include "ast/literal_text.h"

#include <fmt/format.h>

namespace agentpol::ast {

std::string formatUtc(int64_t secs) {
  int64_t days = secs / 86400 - (secs % 86400 < 0 ? 1 : 0);
  int64_t rest = secs - days * 86400;
  int64_t z = days + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  int64_t y = yoe + era * 400 + (m <= 2);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", y, m, d, rest / 3600, rest / 60 % 60, rest % 60);
}

std::string formatMinorUnits(int64_t minor) {
  uint64_t abs = minor < 0 ? 0 - static_cast<uint64_t>(minor) : static_cast<uint64_t>(minor);
  return fmt::format("{}{}.{:02}", minor < 0 ? "-" : "", abs / 100, abs % 100);
}

}  // namespace agentpol::ast
