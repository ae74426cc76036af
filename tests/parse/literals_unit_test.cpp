// literals_unit_test.cpp — the literal decoders of compiler/parse/literals.h
// and the literal parser under them (compiler/literal) on their own: exact
// values (epoch seconds cross-checked with Python's calendar.timegm),
// like-pattern segments, a round trip of every day from 1600 to 2400
// through the runtime's format_time and decodeTime, and the parser's forms
// the policy does not use (signs, milliseconds, offsets) with error kinds.
#include <catch2/catch.hpp>

#include <agentpol/civil_time.h>

#include "ast/literal_text.h"
#include "literal/number_text.h"
#include "literal/time_text.h"
#include "parse/literals.h"

using namespace agentpol;
using namespace agentpol::parse;

namespace {

int64_t timeOf(const std::string& text) {
  LitError err;
  auto v = decodeTime(text, &err);
  INFO(text);
  REQUIRE(v);
  return *v;
}

std::vector<std::string> segmentsOf(const std::string& quoted) {
  LitError err;
  auto v = decodeLikePattern(quoted, &err);
  REQUIRE(v);
  return *v;
}

}  // namespace

TEST_CASE("times decode to epoch seconds", "[literals]") {
  CHECK(timeOf("1970-01-01") == 0);
  CHECK(timeOf("2026-11-28T14:03:00Z") == 1795874580);
  CHECK(timeOf("2026-10-01") == 1790812800);
  CHECK(timeOf("2024-02-29") == 1709164800);
  CHECK(timeOf("2000-02-29T00:00:00Z") == 951782400);
  CHECK(timeOf("0001-01-01") == -62135596800);
  CHECK(timeOf("9999-12-31T23:59:59Z") == 253402300799);
}

TEST_CASE("every day from 1600 to 2400 round-trips through format_time", "[literals]") {
  int64_t first = timeOf("1600-01-01"), last = timeOf("2400-12-31");
  for (int64_t t = first; t <= last; t += 86400 + 3661) {
    std::string text = agentpol::format_time(t);
    LitError err;
    auto back = decodeTime(text, &err);
    REQUIRE(back);
    REQUIRE(*back == t);
  }
}

TEST_CASE("money amounts decode to minor units", "[literals]") {
  LitError err;
  CHECK(decodeMoneyAmount("49.99", &err) == 4999);
  CHECK(decodeMoneyAmount("50", &err) == 5000);
  CHECK(decodeMoneyAmount("0.5", &err) == 50);
  CHECK(decodeMoneyAmount("0.05", &err) == 5);
  CHECK(decodeMoneyAmount("92233720368547758.07", &err) == INT64_MAX);
  CHECK_FALSE(decodeMoneyAmount("92233720368547758.08", &err));
  CHECK(err.id == diag::DiagId::MoneyTooLarge);
  CHECK_FALSE(decodeMoneyAmount("0.001", &err));
  CHECK(err.id == diag::DiagId::MoneyTooPrecise);
  CHECK(isCurrencyCode("EUR"));
  CHECK_FALSE(isCurrencyCode("EU"));
  CHECK_FALSE(isCurrencyCode("EuR"));
  CHECK(ast::formatMinorUnits(-5) == "-0.05");
  CHECK(ast::formatMinorUnits(INT64_MIN) == "-92233720368547758.08");
}

TEST_CASE("durations and ints decode with overflow checks", "[literals]") {
  LitError err;
  CHECK(decodeDuration("30s", &err) == 30);
  CHECK(decodeDuration("15m", &err) == 900);
  CHECK(decodeDuration("2h", &err) == 7200);
  CHECK(decodeDuration("7d", &err) == 604800);
  CHECK(decodeDuration("106751991167300d", &err) == 106751991167300 * 86400);
  CHECK_FALSE(decodeDuration("106751991167301d", &err));
  CHECK(decodeInt("9223372036854775807", &err) == INT64_MAX);
  CHECK_FALSE(decodeInt("9223372036854775808", &err));
  CHECK(decodeInt("007", &err) == 7);
}

TEST_CASE("string escapes decode", "[literals]") {
  LitError err;
  CHECK(decodeString(R"("a\"b\\c\nd\te")", &err) == std::string("a\"b\\c\nd\te"));
  CHECK(decodeString(R"("\u{1F600}\u{e9}\u{41}")", &err) == std::string("\xF0\x9F\x98\x80\xC3\xA9" "A"));
  CHECK(decodeString(R"("")", &err) == std::string());
  CHECK_FALSE(decodeString(R"("a\*b")", &err));  // `\*` only means something in like patterns
  CHECK(err.id == diag::DiagId::InvalidEscape);
  CHECK(err.offset == 2);
  CHECK(err.length == 2);
}

TEST_CASE("like patterns split at unescaped stars", "[literals]") {
  using V = std::vector<std::string>;
  CHECK(segmentsOf(R"("pre*")") == V{"pre", ""});
  CHECK(segmentsOf(R"("*mid*")") == V{"", "mid", ""});
  CHECK(segmentsOf(R"("a*b\*c")") == V{"a", "b*c"});
  CHECK(segmentsOf(R"("lit\*star")") == V{"lit*star"});
  CHECK(segmentsOf(R"("**")") == V{"", "", ""});
  CHECK(segmentsOf(R"("")") == V{""});
  CHECK(segmentsOf(R"("\"*\\")") == V{"\"", "\\"});
}

TEST_CASE("the literal parser: durations in seconds or milliseconds, signs, kinds", "[literals]") {
  using literal::DurationIn;
  using literal::Sign;
  using K = literal::TextError::Kind;
  int64_t v = 0;
  literal::TextError err;
  CHECK(literal::parseDuration("500ms", Sign::Unsigned, DurationIn::Milliseconds, &v, &err));
  CHECK(v == 500);
  CHECK(literal::parseDuration("2m", Sign::Unsigned, DurationIn::Milliseconds, &v, &err));
  CHECK(v == 120000);
  CHECK_FALSE(literal::parseDuration("500ms", Sign::Unsigned, DurationIn::Seconds, &v, &err));
  CHECK(err.kind == K::Malformed);
  CHECK_FALSE(literal::parseDuration("-5m", Sign::Unsigned, DurationIn::Seconds, &v, &err));
  CHECK(literal::parseDuration("-5m", Sign::MayBeNegative, DurationIn::Seconds, &v, &err));
  CHECK(v == -300);
  // 999999999999d fits in seconds, not in milliseconds.
  CHECK(literal::parseDuration("999999999999d", Sign::Unsigned, DurationIn::Seconds, &v, &err));
  CHECK(v == 999999999999 * 86400);
  CHECK_FALSE(literal::parseDuration("999999999999d", Sign::Unsigned, DurationIn::Milliseconds, &v, &err));
  CHECK(err.kind == K::OutOfRange);
  CHECK(err.message == "Duration out of range");
  CHECK(literal::parseDigits("9223372036854775808", true, &v));
  CHECK(v == INT64_MIN);
  CHECK_FALSE(literal::parseDigits("", false, &v));
  CHECK_FALSE(literal::parseDigits("1a", false, &v));
}

TEST_CASE("the literal parser: times say which form they had", "[literals]") {
  using Zone = literal::TimeText::Zone;
  literal::TimeText t;
  literal::TextError err;
  REQUIRE(literal::parseTime("2026-11-28", &t, &err));
  CHECK((t.dateOnly && t.zone == Zone::None && t.epoch == 1795824000));
  REQUIRE(literal::parseTime("2026-11-28T15:03:00.5+01:00", &t, &err));
  CHECK((!t.dateOnly && t.fraction && t.zone == Zone::Offset && t.offsetEast == 3600 && t.epoch == 1795874580));
  REQUIRE(literal::parseTime("2026-11-28T14:03:00", &t, &err));
  CHECK(t.zone == Zone::None);
  CHECK_FALSE(literal::parseTime("2026-02-31", &t, &err));
  CHECK(err.kind == literal::TextError::Kind::OutOfRange);
  CHECK(err.message == "day 31 is out of range (February 2026 has 28 days)");
  CHECK_FALSE(literal::parseTime("2000-02-30", &t, &err));
  CHECK(err.message == "day 30 is out of range (February 2000 has 29 days)");
  CHECK_FALSE(literal::parseTime("2026-11-28T14:03:00+0100", &t, &err));
  CHECK(err.kind == literal::TextError::Kind::Malformed);
}
