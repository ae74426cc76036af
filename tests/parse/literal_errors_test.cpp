// literal_errors_test.cpp — one test per literal error and per chained
// comparison shape (E0008-E0019), each checking the exact rendered message.
#include <catch2/catch.hpp>

#include <string>

#include "parse_test_util.h"

using agentpol::test::renderedFor;

TEST_CASE("E0008 an Int literal above 2^63-1", "[literal]") {
  CHECK(renderedFor(R"x(agent a { n: 9223372036854775808 })x") ==
        R"x(test.agentpol:1:14: error[E0008]: integer literal `9223372036854775808` does not fit in 64 bits (the largest Int is 9223372036854775807)
    1 | agent a { n: 9223372036854775808 }
      |              ^~~~~~~~~~~~~~~~~~~
)x");
}

TEST_CASE("E0009 a decimal number without a currency", "[literal]") {
  CHECK(renderedFor(R"x(agent a { n: 1.5 })x") ==
        R"x(test.agentpol:1:14: error[E0009]: decimal number `1.5` needs a currency code (only Money has decimals), as in `1.5 EUR`
    1 | agent a { n: 1.5 }
      |              ^~~
)x");
}

TEST_CASE("E0010 money with more than two decimals", "[literal]") {
  CHECK(renderedFor(R"x(agent a { n: 1.234 EUR })x") ==
        R"x(test.agentpol:1:14: error[E0010]: money amount `1.234` has more than 2 decimals
    1 | agent a { n: 1.234 EUR }
      |              ^~~~~
)x");
}

TEST_CASE("E0011 a currency code in lowercase", "[literal]") {
  CHECK(renderedFor(R"x(agent a { n: 5 eur })x") ==
        R"x(test.agentpol:1:16: error[E0011]: invalid currency code `eur`: expected three capital letters A-Z, as in `EUR`
    1 | agent a { n: 5 eur }
      |                ^~~
)x");
}

TEST_CASE("E0011 a currency code of four letters", "[literal]") {
  CHECK(renderedFor(R"x(agent a { n: 5 EURO })x") ==
        R"x(test.agentpol:1:16: error[E0011]: invalid currency code `EURO`: expected three capital letters A-Z, as in `EUR`
    1 | agent a { n: 5 EURO }
      |                ^~~~
)x");
}

TEST_CASE("E0012 money whose minor units overflow", "[literal]") {
  CHECK(renderedFor(R"x(agent a { n: 92233720368547758.08 EUR })x") ==
        R"x(test.agentpol:1:14: error[E0012]: money amount `92233720368547758.08` is too large (at most 92233720368547758.07)
    1 | agent a { n: 92233720368547758.08 EUR }
      |              ^~~~~~~~~~~~~~~~~~~~
)x");
}

TEST_CASE("E0013 a duration whose seconds overflow", "[literal]") {
  CHECK(renderedFor(R"x(agent a { n: 106751991167301d })x") ==
        R"x(test.agentpol:1:14: error[E0013]: duration `106751991167301d` is too large (at most 9223372036854775807 seconds)
    1 | agent a { n: 106751991167301d }
      |              ^~~~~~~~~~~~~~~~
)x");
}

TEST_CASE("E0014 a time with month 13", "[literal]") {
  CHECK(renderedFor(R"x(agent a { reviewed: 2026-13-01 })x") ==
        R"x(test.agentpol:1:21: error[E0014]: invalid time `2026-13-01`: month 13 is out of range (01-12)
    1 | agent a { reviewed: 2026-13-01 }
      |                     ^~~~~~~~~~
)x");
}

TEST_CASE("E0014 February 29 outside a leap year", "[literal]") {
  CHECK(renderedFor(R"x(agent a { reviewed: 2026-02-29 })x") ==
        R"x(test.agentpol:1:21: error[E0014]: invalid time `2026-02-29`: day 29 is out of range (February 2026 has 28 days)
    1 | agent a { reviewed: 2026-02-29 }
      |                     ^~~~~~~~~~
)x");
}

TEST_CASE("E0014 February 29 in a century year that is not a leap year", "[literal]") {
  CHECK(renderedFor(R"x(agent a { reviewed: 1900-02-29 })x") ==
        R"x(test.agentpol:1:21: error[E0014]: invalid time `1900-02-29`: day 29 is out of range (February 1900 has 28 days)
    1 | agent a { reviewed: 1900-02-29 }
      |                     ^~~~~~~~~~
)x");
}

TEST_CASE("E0014 hour 24", "[literal]") {
  CHECK(renderedFor(R"x(agent a { reviewed: 2026-11-28T24:00:00Z })x") ==
        R"x(test.agentpol:1:21: error[E0014]: invalid time `2026-11-28T24:00:00Z`: hour 24 is out of range (00-23)
    1 | agent a { reviewed: 2026-11-28T24:00:00Z }
      |                     ^~~~~~~~~~~~~~~~~~~~
)x");
}

TEST_CASE("E0014 minute 60", "[literal]") {
  CHECK(renderedFor(R"x(agent a { reviewed: 2026-11-28T14:60:00Z })x") ==
        R"x(test.agentpol:1:21: error[E0014]: invalid time `2026-11-28T14:60:00Z`: minute 60 is out of range (00-59)
    1 | agent a { reviewed: 2026-11-28T14:60:00Z }
      |                     ^~~~~~~~~~~~~~~~~~~~
)x");
}

TEST_CASE("E0014 second 60", "[literal]") {
  CHECK(renderedFor(R"x(agent a { reviewed: 2026-11-28T14:03:60Z })x") ==
        R"x(test.agentpol:1:21: error[E0014]: invalid time `2026-11-28T14:03:60Z`: second 60 is out of range (00-59)
    1 | agent a { reviewed: 2026-11-28T14:03:60Z }
      |                     ^~~~~~~~~~~~~~~~~~~~
)x");
}

TEST_CASE("E0014 an out-of-range UTC offset", "[literal]") {
  CHECK(renderedFor(R"x(agent a { reviewed: 2026-11-28T14:03:00+24:00 })x") ==
        R"x(test.agentpol:1:21: error[E0014]: invalid time `2026-11-28T14:03:00+24:00`: UTC offset `+24:00` is out of range
    1 | agent a { reviewed: 2026-11-28T14:03:00+24:00 }
      |                     ^~~~~~~~~~~~~~~~~~~~~~~~~
)x");
}

TEST_CASE("E0015 a positive UTC offset suggests the UTC time", "[literal]") {
  CHECK(renderedFor(R"x(agent a { reviewed: 2026-11-28T14:03:00+02:00 })x") ==
        R"x(test.agentpol:1:21: error[E0015]: time `2026-11-28T14:03:00+02:00` is not in UTC; policy times are written in UTC with `Z`: `2026-11-28T12:03:00Z`
    1 | agent a { reviewed: 2026-11-28T14:03:00+02:00 }
      |                     ^~~~~~~~~~~~~~~~~~~~~~~~~
)x");
}

TEST_CASE("E0015 a negative UTC offset crossing midnight", "[literal]") {
  CHECK(renderedFor(R"x(agent a { reviewed: 2026-11-28T23:30:00-05:30 })x") ==
        R"x(test.agentpol:1:21: error[E0015]: time `2026-11-28T23:30:00-05:30` is not in UTC; policy times are written in UTC with `Z`: `2026-11-29T05:00:00Z`
    1 | agent a { reviewed: 2026-11-28T23:30:00-05:30 }
      |                     ^~~~~~~~~~~~~~~~~~~~~~~~~
)x");
}

TEST_CASE("E0015 a time without a zone", "[literal]") {
  CHECK(renderedFor(R"x(agent a { reviewed: 2026-11-28T14:03:00 })x") ==
        R"x(test.agentpol:1:21: error[E0015]: time `2026-11-28T14:03:00` is not in UTC; policy times are written in UTC with `Z`: `2026-11-28T14:03:00Z`
    1 | agent a { reviewed: 2026-11-28T14:03:00 }
      |                     ^~~~~~~~~~~~~~~~~~~
)x");
}

TEST_CASE("E0016 fractional seconds", "[literal]") {
  CHECK(renderedFor(R"x(agent a { reviewed: 2026-11-28T14:03:00.250Z })x") ==
        R"x(test.agentpol:1:21: error[E0016]: time `2026-11-28T14:03:00.250Z` has fractional seconds; policy times are whole seconds in UTC: `2026-11-28T14:03:00Z`
    1 | agent a { reviewed: 2026-11-28T14:03:00.250Z }
      |                     ^~~~~~~~~~~~~~~~~~~~~~~~
)x");
}

TEST_CASE("E0017 an unknown string escape", "[literal]") {
  CHECK(renderedFor(R"x(agent a { owner: "tab\x" })x") ==
        R"x(test.agentpol:1:22: error[E0017]: invalid escape `\x` in string; valid escapes are `\"`, `\\`, `\n`, `\t` and `\u{…}`
    1 | agent a { owner: "tab\x" }
      |                      ^~
)x");
}

TEST_CASE("E0017 an unknown escape in a like pattern lists the star escape", "[literal]") {
  CHECK(renderedFor(R"x(permit user to b when name like "a\qb";)x") ==
        R"x(test.agentpol:1:35: error[E0017]: invalid escape `\q` in string; valid escapes are `\"`, `\\`, `\n`, `\t`, `\u{…}` and `\*` (a literal star)
    1 | permit user to b when name like "a\qb";
      |                                   ^~
)x");
}

TEST_CASE("E0017 a bad escape in an annotation value", "[literal]") {
  CHECK(renderedFor(R"x(@id("bad\e") permit user to b;)x") ==
        R"x(test.agentpol:1:9: error[E0017]: invalid escape `\e` in string; valid escapes are `\"`, `\\`, `\n`, `\t` and `\u{…}`
    1 | @id("bad\e") permit user to b;
      |         ^~
)x");
}

TEST_CASE("E0018 a surrogate code point", "[literal]") {
  CHECK(renderedFor(R"x(agent a { owner: "\u{DFFF}" })x") ==
        R"x(test.agentpol:1:19: error[E0018]: invalid unicode escape `\u{DFFF}`: U+DFFF is a surrogate, not a Unicode scalar value
    1 | agent a { owner: "\u{DFFF}" }
      |                   ^~~~~~~~
)x");
}

TEST_CASE("E0018 a code point above 10FFFF", "[literal]") {
  CHECK(renderedFor(R"x(agent a { owner: "\u{110000}" })x") ==
        R"x(test.agentpol:1:19: error[E0018]: invalid unicode escape `\u{110000}`: the largest code point is U+10FFFF
    1 | agent a { owner: "\u{110000}" }
      |                   ^~~~~~~~~~
)x");
}

TEST_CASE("E0018 too many hex digits", "[literal]") {
  CHECK(renderedFor(R"x(agent a { owner: "\u{12345678}" })x") ==
        R"x(test.agentpol:1:19: error[E0018]: invalid unicode escape `\u{12345678}`: expected 1 to 6 hex digits in braces, as in `\u{1F600}`
    1 | agent a { owner: "\u{12345678}" }
      |                   ^~~~~~~~~~~~
)x");
}

TEST_CASE("E0018 a unicode escape without braces", "[literal]") {
  CHECK(renderedFor(R"x(agent a { owner: "\u00e9" })x") ==
        R"x(test.agentpol:1:19: error[E0018]: invalid unicode escape `\u`: expected 1 to 6 hex digits in braces, as in `\u{1F600}`
    1 | agent a { owner: "\u00e9" }
      |                   ^~
)x");
}

TEST_CASE("E0018 an unclosed unicode escape", "[literal]") {
  CHECK(renderedFor(R"x(agent a { owner: "\u{41" })x") ==
        R"x(test.agentpol:1:19: error[E0018]: invalid unicode escape `\u{41`: expected 1 to 6 hex digits in braces, as in `\u{1F600}`
    1 | agent a { owner: "\u{41" }
      |                   ^~~~~
)x");
}

TEST_CASE("E0019 a < b < c", "[literal]") {
  CHECK(renderedFor(R"x(permit user to b when a < b < c;)x") ==
        R"x(test.agentpol:1:29: error[E0019]: comparisons cannot be chained; add parentheses
    1 | permit user to b when a < b < c;
      |                             ^
)x");
}

TEST_CASE("E0019 a == b == c", "[literal]") {
  CHECK(renderedFor(R"x(permit user to b when a == b == c;)x") ==
        R"x(test.agentpol:1:30: error[E0019]: comparisons cannot be chained; add parentheses
    1 | permit user to b when a == b == c;
      |                              ^~
)x");
}

TEST_CASE("E0019 x in S == y", "[literal]") {
  CHECK(renderedFor(R"x(permit user to b when x in S == y;)x") ==
        R"x(test.agentpol:1:30: error[E0019]: comparisons cannot be chained; add parentheses
    1 | permit user to b when x in S == y;
      |                              ^~
)x");
}

TEST_CASE("E0019 a comparison as the subject of like", "[literal]") {
  CHECK(renderedFor(R"x(permit user to b when a == b like "x";)x") ==
        R"x(test.agentpol:1:30: error[E0019]: comparisons cannot be chained; add parentheses
    1 | permit user to b when a == b like "x";
      |                              ^~~~
)x");
}

TEST_CASE("E0019 a comparison as the object of has", "[literal]") {
  CHECK(renderedFor(R"x(permit user to b when a == b has c;)x") ==
        R"x(test.agentpol:1:30: error[E0019]: comparisons cannot be chained; add parentheses
    1 | permit user to b when a == b has c;
      |                              ^~~
)x");
}

TEST_CASE("E0019 parenthesized comparisons are not chained", "[literal]") {
  CHECK(renderedFor(R"x(permit user to b when (a < b) == (c < d) && (x in S) == y;)x") ==
        R"x()x");
}

TEST_CASE("literal errors in one declaration are all reported", "[literal]") {
  CHECK(renderedFor(R"x(agent a { n: 1.5, m: 5 eur, t: 2026-02-30 })x") ==
        R"x(test.agentpol:1:14: error[E0009]: decimal number `1.5` needs a currency code (only Money has decimals), as in `1.5 EUR`
    1 | agent a { n: 1.5, m: 5 eur, t: 2026-02-30 }
      |              ^~~
test.agentpol:1:24: error[E0011]: invalid currency code `eur`: expected three capital letters A-Z, as in `EUR`
    1 | agent a { n: 1.5, m: 5 eur, t: 2026-02-30 }
      |                        ^~~
test.agentpol:1:32: error[E0014]: invalid time `2026-02-30`: day 30 is out of range (February 2026 has 28 days)
    1 | agent a { n: 1.5, m: 5 eur, t: 2026-02-30 }
      |                                ^~~~~~~~~~
)x");
}
