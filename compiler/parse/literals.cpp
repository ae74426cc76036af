// literals.cpp — numbers, money, durations and times: checked decimal
// arithmetic (overflow is a diagnostic, never wraps) and a proleptic Gregorian
// calendar for RFC 3339 UTC times. String escapes live in string_literals.cpp.
#include "parse/literals.h"

#include <fmt/format.h>

#include "ast/literal_text.h"

namespace agentpol::parse {
namespace {

using diag::DiagId;

LitError makeError(DiagId id, std::vector<std::string> args, uint32_t offset = 0, uint32_t length = 0) {
  return LitError{id, std::move(args), offset, length};
}

// Accumulates decimal digits into `*v`; false on 64-bit overflow.
bool accumulate(std::string_view digits, int64_t* v) {
  for (char c : digits) {
    if (__builtin_mul_overflow(*v, 10, v) || __builtin_add_overflow(*v, c - '0', v)) return false;
  }
  return true;
}

bool isLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int64_t y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
int64_t daysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int num(std::string_view s, size_t pos, size_t len) {
  int v = 0;
  for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                             "July",    "August",   "September", "October", "November", "December"};

// The calendar and clock fields of `YYYY-MM-DD[THH:MM:SS…]`; the reason
// when one is out of range.
std::optional<std::string> fieldError(std::string_view t) {
  int y = num(t, 0, 4), mo = num(t, 5, 2), d = num(t, 8, 2);
  if (mo < 1 || mo > 12) return fmt::format("month {:02} is out of range (01-12)", mo);
  if (d < 1 || d > daysInMonth(y, mo))
    return fmt::format("day {:02} is out of range ({} {} has {} days)", d, kMonthNames[mo - 1], y, daysInMonth(y, mo));
  if (t.size() < 19) return std::nullopt;
  int h = num(t, 11, 2), mi = num(t, 14, 2), s = num(t, 17, 2);
  if (h > 23) return fmt::format("hour {:02} is out of range (00-23)", h);
  if (mi > 59) return fmt::format("minute {:02} is out of range (00-59)", mi);
  if (s > 59) return fmt::format("second {:02} is out of range (00-59)", s);
  return std::nullopt;
}

}  // namespace

std::optional<int64_t> decodeInt(std::string_view text, LitError* err) {
  int64_t v = 0;
  if (accumulate(text, &v)) return v;
  *err = makeError(DiagId::IntTooLarge, {std::string(text)});
  return std::nullopt;
}

std::optional<int64_t> decodeMoneyAmount(std::string_view text, LitError* err) {
  size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (frac.size() > 2) {
    *err = makeError(DiagId::MoneyTooPrecise, {std::string(text)});
    return std::nullopt;
  }
  std::string cents(frac);
  cents.resize(2, '0');
  int64_t v = 0;
  if (accumulate(whole, &v) && accumulate(cents, &v)) return v;
  *err = makeError(DiagId::MoneyTooLarge, {std::string(text)});
  return std::nullopt;
}

bool isCurrencyCode(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

std::optional<int64_t> decodeDuration(std::string_view text, LitError* err) {
  static constexpr std::string_view kUnits = "smhd";
  static constexpr int64_t kSeconds[] = {1, 60, 3600, 86400};
  int64_t v = 0;
  int64_t unit = kSeconds[kUnits.find(text.back())];
  if (accumulate(text.substr(0, text.size() - 1), &v) && !__builtin_mul_overflow(v, unit, &v)) return v;
  *err = makeError(DiagId::DurationTooLarge, {std::string(text)});
  return std::nullopt;
}

std::optional<int64_t> decodeTime(std::string_view t, LitError* err) {
  if (auto reason = fieldError(t)) {
    *err = makeError(DiagId::InvalidTime, {std::string(t), *reason});
    return std::nullopt;
  }
  int64_t secs = daysFromCivil(num(t, 0, 4), num(t, 5, 2), num(t, 8, 2)) * 86400;
  if (t.size() == 10) return secs;  // a date: midnight UTC
  secs += num(t, 11, 2) * 3600 + num(t, 14, 2) * 60 + num(t, 17, 2);
  size_t zone = 19;
  bool fraction = zone < t.size() && t[zone] == '.';
  while (zone < t.size() && t[zone] != 'Z' && t[zone] != '+' && t[zone] != '-') ++zone;
  std::string_view offset = t.substr(zone);
  if (offset == "Z" && !fraction) return secs;
  if (offset.empty() || offset == "Z") {
    DiagId id = offset.empty() ? DiagId::TimeNotUtc : DiagId::TimeFractionalSeconds;
    *err = makeError(id, {std::string(t), ast::formatUtc(secs)});
    return std::nullopt;
  }
  int oh = num(offset, 1, 2), om = num(offset, 4, 2);
  if (oh > 23 || om > 59) {
    *err = makeError(DiagId::InvalidTime, {std::string(t), fmt::format("UTC offset `{}` is out of range", offset)});
    return std::nullopt;
  }
  int64_t shift = (oh * 3600 + om * 60) * (offset[0] == '+' ? 1 : -1);
  *err = makeError(DiagId::TimeNotUtc, {std::string(t), ast::formatUtc(secs - shift)});
  return std::nullopt;
}

}  // namespace agentpol::parse
