// value_text.cpp — parsers for Money, Time and Duration request text. Every
// arithmetic step is overflow-checked; nothing here allocates unless it fails.
#include "request/value_text.h"

namespace agentpol::request {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `n` digits at s[*at]; false if any is not a digit.
bool fixedDigits(std::string_view s, size_t* at, size_t n, int* out) {
  if (*at + n > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[*at + i];
    if (!isDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *at += n;
  *out = v;
  return true;
}

bool expect(std::string_view s, size_t* at, char c) {
  if (*at >= s.size() || s[*at] != c) return false;
  ++*at;
  return true;
}

// Accumulates decimal digits into an int64; false on overflow or no digits.
bool decimal(std::string_view digits, int64_t* out) {
  if (digits.empty()) return false;
  int64_t v = 0;
  for (char c : digits) {
    if (!isDigit(c)) return false;
    if (__builtin_mul_overflow(v, int64_t{10}, &v) || __builtin_add_overflow(v, int64_t{c - '0'}, &v)) return false;
  }
  *out = v;
  return true;
}

// sign * (digits * scale + extra), for all of int64 (INT64_MIN included:
// the value is accumulated as a negative number); false when out of range.
bool scaledDecimal(std::string_view digits, bool negative, int64_t scale, int64_t extra, int64_t* out) {
  int64_t v = 0;
  for (char c : digits)
    if (__builtin_mul_overflow(v, int64_t{10}, &v) || __builtin_sub_overflow(v, int64_t{c - '0'}, &v)) return false;
  if (__builtin_mul_overflow(v, scale, &v) || __builtin_sub_overflow(v, extra, &v)) return false;
  if (!negative) {
    if (v == INT64_MIN) return false;
    v = -v;
  }
  *out = v;
  return true;
}

bool allDigits(std::string_view s) {
  for (char c : s)
    if (!isDigit(c)) return false;
  return !s.empty();
}

int64_t daysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = static_cast<unsigned>(y - era * 400);
  unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

unsigned daysInMonth(int y, int m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

bool fail(std::string* why, const char* what) {
  *why = what;
  return false;
}

// "hh:mm:ss" (+ optional fraction) at *at -> seconds of the day.
bool clock(std::string_view s, size_t* at, int64_t* secs, std::string* why) {
  int h, mi, sec;
  if (!fixedDigits(s, at, 2, &h) || !expect(s, at, ':') || !fixedDigits(s, at, 2, &mi) ||
      !expect(s, at, ':') || !fixedDigits(s, at, 2, &sec))
    return fail(why, "expected hh:mm:ss after the `T`");
  if (h > 23 || mi > 59 || sec > 59) return fail(why, "hour, minute or second out of range");
  if (*at < s.size() && s[*at] == '.') {
    size_t start = ++*at;
    while (*at < s.size() && isDigit(s[*at])) ++*at;
    if (*at == start) return fail(why, "a `.` must be followed by digits");
  }
  *secs = h * 3600 + mi * 60 + sec;
  return true;
}

// "Z" or "+hh:mm"/"-hh:mm" at *at -> seconds east of UTC.
bool offset(std::string_view s, size_t* at, int64_t* east, std::string* why) {
  if (*at < s.size() && (s[*at] == 'Z' || s[*at] == 'z')) {
    ++*at;
    *east = 0;
    return true;
  }
  if (*at >= s.size() || (s[*at] != '+' && s[*at] != '-')) return fail(why, "missing the offset (`Z` or `+hh:mm`)");
  int sign = s[*at] == '-' ? -1 : 1, h, m;
  ++*at;
  if (!fixedDigits(s, at, 2, &h) || !expect(s, at, ':') || !fixedDigits(s, at, 2, &m))
    return fail(why, "malformed offset (expected `+hh:mm`)");
  if (h > 23 || m > 59) return fail(why, "offset out of range");
  *east = sign * (h * 3600 + m * 60);
  return true;
}

}  // namespace

bool parseMoney(std::string_view s, int64_t* minor, std::string_view* currency, std::string* why) {
  size_t sp = s.find(' ');
  if (sp == std::string_view::npos || s.size() - sp - 1 != 3) return fail(why, "expected an amount and a currency such as \"32.00 EUR\"");
  std::string_view cur = s.substr(sp + 1), num = s.substr(0, sp);
  for (char c : cur)
    if (c < 'A' || c > 'Z') return fail(why, "the currency must be three capital letters");
  bool neg = !num.empty() && num[0] == '-';
  if (neg) num.remove_prefix(1);
  size_t dot = num.find('.');
  std::string_view whole = num.substr(0, dot), frac = dot == std::string_view::npos ? "" : num.substr(dot + 1);
  int64_t cents = 0;
  if (dot != std::string_view::npos && frac.empty()) return fail(why, "a `.` must be followed by digits");
  if (frac.size() > 2) return fail(why, "Money has at most 2 decimals");
  if (!allDigits(whole) || (!frac.empty() && !allDigits(frac))) return fail(why, "malformed amount");
  if (!frac.empty()) decimal(frac, &cents);  // one or two digits: cannot overflow
  if (frac.size() == 1) cents *= 10;
  if (!scaledDecimal(whole, neg, 100, cents, minor)) return fail(why, "amount out of range");
  *currency = cur;
  return true;
}

bool parseTime(std::string_view s, int64_t* out, std::string* why) {
  size_t at = 0;
  int y, mo, d;
  if (!fixedDigits(s, &at, 4, &y) || !expect(s, &at, '-') || !fixedDigits(s, &at, 2, &mo) ||
      !expect(s, &at, '-') || !fixedDigits(s, &at, 2, &d))
    return fail(why, "expected an RFC 3339 time such as \"2026-11-28T14:03:00Z\" or a date \"2026-10-01\"");
  if (mo < 1 || mo > 12 || d < 1 || static_cast<unsigned>(d) > daysInMonth(y, mo)) return fail(why, "no such date");
  int64_t t = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400;
  if (at == s.size()) {
    *out = t;
    return true;
  }
  if (s[at] != 'T' && s[at] != 't') return fail(why, "expected `T` after the date");
  ++at;
  int64_t secs = 0, east = 0;
  if (!clock(s, &at, &secs, why) || !offset(s, &at, &east, why)) return false;
  if (at != s.size()) return fail(why, "unexpected text after the time");
  *out = t + secs - east;
  return true;
}

bool parseDuration(std::string_view s, int64_t* out, std::string* why) {
  static const std::string_view kUnits = "smhd";
  static const int64_t kSeconds[] = {1, 60, 3600, 86400};
  bool neg = !s.empty() && s[0] == '-';
  std::string_view body = neg ? s.substr(1) : s;
  size_t unit = body.empty() ? std::string_view::npos : kUnits.find(body.back());
  if (unit == std::string_view::npos || !allDigits(body.substr(0, body.size() - 1)))
    return fail(why, "expected a Duration such as \"15m\" (an integer and one of s, m, h, d)");
  if (!scaledDecimal(body.substr(0, body.size() - 1), neg, kSeconds[unit], 0, out))
    return fail(why, "Duration out of range");
  return true;
}

}  // namespace agentpol::request
