// civil_time.cpp — proleptic Gregorian calendar arithmetic (Howard Hinnant's
// public-domain days_from_civil / civil_from_days), field checks and RFC 3339
// formatting. The only calendar code in agentpol: see agentpol/civil_time.h.
#include <agentpol/civil_time.h>

namespace agentpol {

bool is_leap_year(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int64_t year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

const char* month_name(unsigned month) {
  static const char* const kNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
  return month >= 1 && month <= 12 ? kNames[month - 1] : "";
}

CivilField check_civil(const CivilTime& t) {
  if (t.month < 1 || t.month > 12) return CivilField::Month;
  if (t.day < 1 || t.day > days_in_month(t.year, t.month)) return CivilField::Day;
  if (t.hour > 23) return CivilField::Hour;
  if (t.minute > 59) return CivilField::Minute;
  if (t.second > 59) return CivilField::Second;
  return CivilField::None;
}

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;                                    // [0, 399]
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return era * 146097 + doe - 719468;
}

CivilTime civil_from_days(int64_t days) {
  // Days since 0000-03-01. Epoch seconds give |days| < 2^47; a larger count
  // is clamped rather than overflowing.
  const int64_t z = days > INT64_MAX - 719468 ? INT64_MAX : days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;                                  // [0, 146096]
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);           // [0, 365]
  const int64_t mp = (5 * doy + 2) / 153;                                // [0, 11]
  CivilTime t;
  t.day = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  t.month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  t.year = yoe + era * 400 + (t.month <= 2);
  return t;
}

int64_t epoch_from_civil(const CivilTime& t) {
  return days_from_civil(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
}

CivilTime civil_from_epoch(int64_t s) {
  int64_t days = s / 86400, secs = s % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  CivilTime t = civil_from_days(days);
  t.hour = static_cast<unsigned>(secs / 3600);
  t.minute = static_cast<unsigned>(secs / 60 % 60);
  t.second = static_cast<unsigned>(secs % 60);
  return t;
}

namespace {

void two(unsigned v, std::string* out) {
  out->push_back(static_cast<char>('0' + v / 10));
  out->push_back(static_cast<char>('0' + v % 10));
}

}  // namespace

void format_time(int64_t epoch_seconds, std::string* out) {
  CivilTime t = civil_from_epoch(epoch_seconds);
  uint64_t y = t.year < 0 ? 0 - static_cast<uint64_t>(t.year) : static_cast<uint64_t>(t.year);
  std::string year = std::to_string(y);
  if (t.year < 0) out->push_back('-');
  out->append(year.size() < 4 ? 4 - year.size() : 0, '0');
  *out += year;
  out->push_back('-'); two(t.month, out);
  out->push_back('-'); two(t.day, out);
  out->push_back('T'); two(t.hour, out);
  out->push_back(':'); two(t.minute, out);
  out->push_back(':'); two(t.second, out);
  out->push_back('Z');
}

std::string format_time(int64_t epoch_seconds) {
  std::string out;
  format_time(epoch_seconds, &out);
  return out;
}

}  // namespace agentpol
