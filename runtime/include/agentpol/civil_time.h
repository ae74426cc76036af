// agentpol/civil_time.h — the one civil-date implementation of agentpol:
// proleptic Gregorian dates and UTC clock times <-> seconds since the Unix
// epoch (H. Hinnant's days_from_civil / civil_from_days), field validation
// with leap years, and RFC 3339 text. The runtime formats audit times with
// it; the compiler's literal parser, dumps and counterexamples use it too.
#pragma once
#include <cstdint>
#include <string>

namespace agentpol {

// A calendar day and a time of day, UTC. Fields are not checked until
// check_civil(); year may be any value the arithmetic below can hold.
struct CivilTime {
  int64_t year = 1970;
  unsigned month = 1, day = 1;  // 1-12, 1-31
  unsigned hour = 0, minute = 0, second = 0;
};

// The first field of a CivilTime that is out of range (None: a real time).
enum class CivilField : uint8_t { None, Month, Day, Hour, Minute, Second };

bool is_leap_year(int64_t year);
// Days of `month` (1-12) in `year`; 0 for a month out of range.
unsigned days_in_month(int64_t year, unsigned month);
// Month 1-12 -> "January" … "December"; "" out of range.
const char* month_name(unsigned month);

// Checks month, day (leap years included), hour 0-23, minute and second
// 0-59 (no leap second), in that order.
CivilField check_civil(const CivilTime& t);

// Days since 1970-01-01 of a valid date, |year| below 10^12.
int64_t days_from_civil(int64_t year, unsigned month, unsigned day);
// The date of day `days` since 1970-01-01 (any day of an int64 epoch second).
CivilTime civil_from_days(int64_t days);

// Seconds since the epoch of a valid CivilTime (|year| below 10^9).
int64_t epoch_from_civil(const CivilTime& t);
// The UTC date and time of `epoch_seconds`, for every int64.
CivilTime civil_from_epoch(int64_t epoch_seconds);

// RFC 3339 UTC: 2026-11-28T14:03:00Z (years below 0 or above 9999 written
// with a sign or more digits).
void format_time(int64_t epoch_seconds, std::string* out);
std::string format_time(int64_t epoch_seconds);

}  // namespace agentpol
