// number_text.cpp — digits, Money and Duration text. Values are accumulated
// as negative numbers so that INT64_MIN is reachable, then negated when
// positive; nothing here allocates unless it fails.
#include "literal/number_text.h"

namespace agentpol::literal {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool allDigits(std::string_view s) {
  for (char c : s)
    if (!isDigit(c)) return false;
  return !s.empty();
}

// sign * (digits * scale + extra) for 0 <= extra < scale; false when the
// value does not fit in an int64.
bool scaled(std::string_view digits, bool negative, int64_t scale, int64_t extra, int64_t* out) {
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

bool fail(TextError* err, TextError::Kind kind, const char* message) {
  err->kind = kind;
  err->message = message;
  return false;
}

// Strips a leading `-` when the sign allows one.
bool takeSign(std::string_view* s, Sign sign) {
  if (sign == Sign::MayBeNegative && !s->empty() && (*s)[0] == '-') {
    s->remove_prefix(1);
    return true;
  }
  return false;
}

}  // namespace

bool parseDigits(std::string_view digits, bool negative, int64_t* out) {
  return allDigits(digits) && scaled(digits, negative, 1, 0, out);
}

bool parseMoneyAmount(std::string_view num, Sign sign, int64_t* minor, TextError* err) {
  using K = TextError::Kind;
  bool negative = takeSign(&num, sign);
  size_t dot = num.find('.');
  std::string_view whole = num.substr(0, dot), frac = dot == std::string_view::npos ? "" : num.substr(dot + 1);
  if (dot != std::string_view::npos && frac.empty()) return fail(err, K::Malformed, "a `.` must be followed by digits");
  if (!allDigits(whole) || (!frac.empty() && !allDigits(frac))) return fail(err, K::Malformed, "malformed amount");
  if (frac.size() > 2) return fail(err, K::TooPrecise, "Money has at most 2 decimals");
  int64_t cents = frac.empty() ? 0 : (frac[0] - '0') * 10 + (frac.size() == 2 ? frac[1] - '0' : 0);
  if (!scaled(whole, negative, 100, cents, minor)) return fail(err, K::OutOfRange, "amount out of range");
  return true;
}

bool isCurrencyCode(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

bool parseMoney(std::string_view s, int64_t* minor, std::string_view* currency, TextError* err) {
  size_t sp = s.find(' ');
  if (sp == std::string_view::npos || s.size() - sp - 1 != 3)
    return fail(err, TextError::Kind::Malformed, "expected an amount and a currency such as \"32.00 EUR\"");
  std::string_view cur = s.substr(sp + 1);
  if (!isCurrencyCode(cur)) return fail(err, TextError::Kind::Malformed, "the currency must be three capital letters");
  if (!parseMoneyAmount(s.substr(0, sp), Sign::MayBeNegative, minor, err)) return false;
  *currency = cur;
  return true;
}

bool parseDuration(std::string_view s, Sign sign, DurationIn in, int64_t* out, TextError* err) {
  static constexpr struct { std::string_view unit; int64_t ms; } kUnits[] = {
      {"ms", 1}, {"s", 1000}, {"m", 60000}, {"h", 3600000}, {"d", 86400000}};
  bool negative = takeSign(&s, sign);
  for (const auto& u : kUnits) {
    if (s.size() <= u.unit.size() || s.substr(s.size() - u.unit.size()) != u.unit) continue;
    std::string_view digits = s.substr(0, s.size() - u.unit.size());
    if (!allDigits(digits) || (in == DurationIn::Seconds && u.ms == 1)) break;
    int64_t scale = in == DurationIn::Milliseconds ? u.ms : u.ms / 1000;
    if (scaled(digits, negative, scale, 0, out)) return true;
    return fail(err, TextError::Kind::OutOfRange, "Duration out of range");
  }
  return fail(err, TextError::Kind::Malformed,
              in == DurationIn::Milliseconds
                  ? "expected a Duration such as \"15m\" (an integer and one of ms, s, m, h, d)"
                  : "expected a Duration such as \"15m\" (an integer and one of s, m, h, d)");
}

}  // namespace agentpol::literal
