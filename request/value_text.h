// value_text.h — the text forms of request values (spec section 8): Money
// "32.00 EUR" (negative allowed, at most 2 decimals), Time RFC 3339 with any
// offset (converted to UTC, fractions of a second dropped) or a date alone,
// Duration "15m". Pure functions over the one literal parser
// (compiler/literal); on failure they say why in *why.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace agentpol::request {

// "-12.5 EUR" -> -1250 and "EUR". The currency is three capital letters.
bool parseMoney(std::string_view text, int64_t* minor, std::string_view* currency, std::string* why);

// "2026-11-28T14:03:00Z", "2026-11-28T15:03:00.25+01:00", "2026-10-01" -> epoch seconds.
bool parseTime(std::string_view text, int64_t* epochSeconds, std::string* why);

// "30s", "15m", "2h", "7d" (an optional leading '-') -> seconds.
bool parseDuration(std::string_view text, int64_t* seconds, std::string* why);

}  // namespace agentpol::request
