// time_text.cpp — scanning `YYYY-MM-DD[THH:MM:SS[.f…][Z|±hh:mm]]` field by
// field, then the calendar check and epoch arithmetic of civil_time.h. A
// field out of range is named with its value and the allowed range.
#include "literal/time_text.h"

#include <agentpol/civil_time.h>

#include <string>

namespace agentpol::literal {
namespace {

using K = TextError::Kind;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Exactly `n` digits at s[*at].
bool fixedDigits(std::string_view s, size_t* at, size_t n, unsigned* out) {
  if (*at + n > s.size()) return false;
  unsigned v = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!isDigit(s[*at + i])) return false;
    v = v * 10 + static_cast<unsigned>(s[*at + i] - '0');
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

bool fail(TextError* err, K kind, std::string message) {
  err->kind = kind;
  err->message = std::move(message);
  return false;
}

std::string two(unsigned v) { return std::string{static_cast<char>('0' + v / 10 % 10), static_cast<char>('0' + v % 10)}; }

bool rangeError(const CivilTime& t, CivilField f, TextError* err) {
  switch (f) {
    case CivilField::Month: return fail(err, K::OutOfRange, "month " + two(t.month) + " is out of range (01-12)");
    case CivilField::Day:
      return fail(err, K::OutOfRange,
                  "day " + two(t.day) + " is out of range (" + month_name(t.month) + " " + std::to_string(t.year) +
                      " has " + std::to_string(days_in_month(t.year, t.month)) + " days)");
    case CivilField::Hour: return fail(err, K::OutOfRange, "hour " + two(t.hour) + " is out of range (00-23)");
    case CivilField::Minute: return fail(err, K::OutOfRange, "minute " + two(t.minute) + " is out of range (00-59)");
    case CivilField::Second: return fail(err, K::OutOfRange, "second " + two(t.second) + " is out of range (00-59)");
    case CivilField::None: break;
  }
  return true;
}

// `hh:mm:ss[.digits]` at *at.
bool clock(std::string_view s, size_t* at, CivilTime* t, TimeText* out, TextError* err) {
  if (!fixedDigits(s, at, 2, &t->hour) || !expect(s, at, ':') || !fixedDigits(s, at, 2, &t->minute) ||
      !expect(s, at, ':') || !fixedDigits(s, at, 2, &t->second))
    return fail(err, K::Malformed, "expected hh:mm:ss after the `T`");
  if (*at < s.size() && s[*at] == '.') {
    size_t start = ++*at;
    while (*at < s.size() && isDigit(s[*at])) ++*at;
    if (*at == start) return fail(err, K::Malformed, "a `.` must be followed by digits");
    out->fraction = true;
  }
  return true;
}

// Nothing, `Z`, or `±hh:mm` at *at, to the end of the text.
bool zone(std::string_view s, size_t* at, TimeText* out, TextError* err) {
  if (*at == s.size()) return true;
  if (s[*at] == 'Z' || s[*at] == 'z') {
    ++*at;
    out->zone = TimeText::Zone::Utc;
  } else if (s[*at] == '+' || s[*at] == '-') {
    size_t start = *at;
    int sign = s[(*at)++] == '-' ? -1 : 1;
    unsigned h = 0, m = 0;
    if (!fixedDigits(s, at, 2, &h) || !expect(s, at, ':') || !fixedDigits(s, at, 2, &m))
      return fail(err, K::Malformed, "malformed offset (expected `+hh:mm`)");
    if (h > 23 || m > 59)
      return fail(err, K::OutOfRange, "UTC offset `" + std::string(s.substr(start, 6)) + "` is out of range");
    out->zone = TimeText::Zone::Offset;
    out->offsetEast = sign * static_cast<int32_t>(h * 3600 + m * 60);
  }
  if (*at != s.size()) return fail(err, K::Malformed, "unexpected text after the time");
  return true;
}

}  // namespace

bool parseTime(std::string_view s, TimeText* out, TextError* err) {
  *out = TimeText{};
  size_t at = 0;
  unsigned year = 0;
  CivilTime t;
  if (!fixedDigits(s, &at, 4, &year) || !expect(s, &at, '-') || !fixedDigits(s, &at, 2, &t.month) ||
      !expect(s, &at, '-') || !fixedDigits(s, &at, 2, &t.day))
    return fail(err, K::Malformed,
                "expected an RFC 3339 time such as \"2026-11-28T14:03:00Z\" or a date \"2026-10-01\"");
  t.year = year;
  out->dateOnly = at == s.size();
  if (!out->dateOnly) {
    if (s[at] != 'T' && s[at] != 't') return fail(err, K::Malformed, "expected `T` after the date");
    ++at;
    if (!clock(s, &at, &t, out, err)) return false;
  }
  if (!rangeError(t, check_civil(t), err)) return false;
  if (!out->dateOnly && !zone(s, &at, out, err)) return false;
  out->epoch = epoch_from_civil(t) - out->offsetEast;
  return true;
}

}  // namespace agentpol::literal
