// test_value_text.cpp — Money, Time and Duration request text: every accepted
// form of spec section 8 and each rejection with its reason.
#include <catch2/catch.hpp>

#include "request/value_text.h"

using namespace agentpol::request;

namespace {

int64_t money(const char* s, std::string_view* cur = nullptr) {
  int64_t v = 0;
  std::string_view c;
  std::string why;
  INFO(s);
  REQUIRE(parseMoney(s, &v, &c, &why));
  if (cur) *cur = c;
  return v;
}
std::string moneyError(const char* s) {
  int64_t v;
  std::string_view c;
  std::string why;
  CHECK_FALSE(parseMoney(s, &v, &c, &why));
  return why;
}
int64_t timeOf(const char* s) {
  int64_t v = 0;
  std::string why;
  INFO(s << ": " << why);
  REQUIRE(parseTime(s, &v, &why));
  return v;
}
bool timeBad(const char* s) {
  int64_t v;
  std::string why;
  return !parseTime(s, &v, &why) && !why.empty();
}
int64_t dur(const char* s) {
  int64_t v = 0;
  std::string why;
  INFO(s);
  REQUIRE(parseDuration(s, &v, &why));
  return v;
}
bool durBad(const char* s) {
  int64_t v;
  std::string why;
  return !parseDuration(s, &v, &why) && !why.empty();
}

}  // namespace

TEST_CASE("Money text: amounts, decimals, negative, currency", "[value_text]") {
  std::string_view cur;
  CHECK(money("32.00 EUR", &cur) == 3200);
  CHECK(cur == "EUR");
  CHECK(money("32 EUR") == 3200);
  CHECK(money("32.5 USD", &cur) == 3250);
  CHECK(cur == "USD");
  CHECK(money("0.07 EUR") == 7);
  CHECK(money("-12.34 EUR") == -1234);
  CHECK(money("-0.00 EUR") == 0);
  CHECK(money("92233720368547758.07 EUR") == INT64_MAX);
  // The whole int64 range of minor units, the smallest value included.
  CHECK(money("-92233720368547758.08 EUR") == INT64_MIN);
  CHECK(money("-92233720368547758.07 EUR") == INT64_MIN + 1);
}

TEST_CASE("Money text: malformed, too many decimals, overflow", "[value_text]") {
  CHECK(moneyError("1.234 EUR") == "Money has at most 2 decimals");
  CHECK(moneyError("92233720368547758.08 EUR") == "amount out of range");
  CHECK(moneyError("-92233720368547758.09 EUR") == "amount out of range");
  CHECK(moneyError("99999999999999999999 EUR") == "amount out of range");
  CHECK(moneyError("12 eur") == "the currency must be three capital letters");
  CHECK(moneyError("12.00EUR").find("expected an amount and a currency") == 0);
  CHECK(moneyError("12.00  EUR").find("expected an amount and a currency") == 0);
  CHECK(moneyError("12.00 EURO").find("expected an amount and a currency") == 0);
  CHECK(moneyError("1. EUR") == "a `.` must be followed by digits");
  CHECK(moneyError(".5 EUR") == "malformed amount");
  CHECK(moneyError("+5 EUR") == "malformed amount");
  CHECK(moneyError("1e3 EUR") == "malformed amount");
  CHECK(moneyError("- EUR") == "malformed amount");
  CHECK(moneyError("") .find("expected an amount") == 0);
}

TEST_CASE("Time text: UTC, offsets, fractions, dates", "[value_text]") {
  const int64_t t = 1795874580;  // 2026-11-28T14:03:00Z
  CHECK(timeOf("2026-11-28T14:03:00Z") == t);
  CHECK(timeOf("2026-11-28t14:03:00z") == t);
  CHECK(timeOf("2026-11-28T15:03:00+01:00") == t);
  CHECK(timeOf("2026-11-28T08:33:00-05:30") == t);
  CHECK(timeOf("2026-11-29T00:03:00+10:00") == t);
  CHECK(timeOf("2026-11-28T14:03:00.999Z") == t);     // fractions dropped
  CHECK(timeOf("2026-11-28T15:03:00.5+01:00") == t);
  CHECK(timeOf("2026-10-01") == 1790812800);          // midnight UTC
  CHECK(timeOf("1970-01-01T00:00:00Z") == 0);
  CHECK(timeOf("1969-12-31T23:59:59Z") == -1);
  CHECK(timeOf("2024-02-29") == 1709164800);          // leap day
  CHECK(timeOf("0000-01-01T00:00:00Z") == -62167219200);
}

TEST_CASE("Time text: malformed times are rejected", "[value_text]") {
  CHECK(timeBad("2026-11-28T14:03:00"));       // no offset
  CHECK(timeBad("2026-11-28 14:03:00Z"));      // space instead of T
  CHECK(timeBad("2026-11-28T14:03Z"));         // no seconds
  CHECK(timeBad("2026-13-01"));
  CHECK(timeBad("2026-02-29"));                // not a leap year
  CHECK(timeBad("2026-04-31"));
  CHECK(timeBad("2026-11-28T24:00:00Z"));
  CHECK(timeBad("2026-11-28T23:60:00Z"));
  CHECK(timeBad("2026-11-28T23:59:60Z"));      // leap seconds are not representable
  CHECK(timeBad("2026-11-28T14:03:00.Z"));
  CHECK(timeBad("2026-11-28T14:03:00+0100"));
  CHECK(timeBad("2026-11-28T14:03:00+24:00"));
  CHECK(timeBad("2026-11-28T14:03:00Zjunk"));
  CHECK(timeBad("26-11-28"));
  CHECK(timeBad("2026-1-28"));
  CHECK(timeBad("today"));
  CHECK(timeBad(""));
}

TEST_CASE("Duration text", "[value_text]") {
  CHECK(dur("30s") == 30);
  CHECK(dur("15m") == 900);
  CHECK(dur("2h") == 7200);
  CHECK(dur("7d") == 604800);
  CHECK(dur("0s") == 0);
  CHECK(dur("-5m") == -300);
  CHECK(dur("9223372036854775807s") == INT64_MAX);
  CHECK(dur("-9223372036854775808s") == INT64_MIN);
  CHECK(durBad("9223372036854775808s"));
  CHECK(durBad("-9223372036854775809s"));
  CHECK(durBad("106751991167301d"));
  CHECK(durBad("15"));
  CHECK(durBad("m"));
  CHECK(durBad("1h30m"));
  CHECK(durBad("1.5h"));
  CHECK(durBad("15 m"));
  CHECK(durBad("15w"));
  CHECK(durBad(""));
  CHECK(durBad("106751991167301d"));  // overflows int64 seconds
  CHECK(durBad("99999999999999999999s"));
}
