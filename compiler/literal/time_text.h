// time_text.h — the one parser of Time text on the compiler side: a date
// `2026-10-01` or RFC 3339 `2026-11-28T14:03:00[.25](Z|±hh:mm)`, checked
// against the calendar (agentpol/civil_time.h). It accepts every form and
// says which it was; each caller applies its own rule (policy literals must
// be UTC without fractions, requests need an offset, `--today` a date).
#pragma once

#include <cstdint>
#include <string_view>

#include "literal/number_text.h"

namespace agentpol::literal {

struct TimeText {
  enum class Zone : uint8_t { None, Utc, Offset };
  int64_t epoch = 0;       // seconds since the epoch, UTC: offset applied, fraction dropped
  bool dateOnly = false;   // `YYYY-MM-DD` alone (midnight UTC)
  bool fraction = false;   // seconds had `.digits`
  Zone zone = Zone::None;  // no zone, `Z`, or an offset
  int32_t offsetEast = 0;  // seconds east of UTC (Zone::Offset)
};

// `T`/`t` and `Z`/`z` both count; years are four digits. On failure `err`
// says why ("day 31 is out of range (February 2026 has 28 days)").
bool parseTime(std::string_view text, TimeText* out, TextError* err);

}  // namespace agentpol::literal
