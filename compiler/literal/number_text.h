// number_text.h — the one parser of number-shaped literal text on the
// compiler side: decimal digits (Int), Money amounts (minor units, at most 2
// decimals) and Durations (an integer and one unit). The policy parser, the
// request reader and agentpolc's option values all call it; every step is
// overflow-checked over the whole int64 range. Times: time_text.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace agentpol::literal {

// Why a text was refused: the kind (a caller picks its diagnostic from it)
// and a plain phrase for messages ("Money has at most 2 decimals").
struct TextError {
  enum class Kind : uint8_t { Malformed, OutOfRange, TooPrecise };
  Kind kind = Kind::Malformed;
  std::string message;
};

enum class Sign : uint8_t { Unsigned, MayBeNegative };  // is a leading `-` allowed?

// Digits only (at least one) -> their value, negated when `negative`; false
// on any other character or when the value does not fit in an int64.
bool parseDigits(std::string_view digits, bool negative, int64_t* out);

// `12`, `12.5`, `12.50` (and a leading `-` with MayBeNegative) -> minor
// units (1250).
bool parseMoneyAmount(std::string_view amount, Sign sign, int64_t* minor, TextError* err);
// Three capital letters A-Z.
bool isCurrencyCode(std::string_view code);
// `-12.50 EUR` -> -1250 and "EUR" (a view into `text`); negative allowed.
bool parseMoney(std::string_view text, int64_t* minor, std::string_view* currency, TextError* err);

// The unit a Duration is returned in; Milliseconds also accepts `ms`.
enum class DurationIn : uint8_t { Seconds, Milliseconds };
// `15m`, `2h`, `7d`, `30s` (`500ms`) -> a count of `in`.
bool parseDuration(std::string_view text, Sign sign, DurationIn in, int64_t* out, TextError* err);

}  // namespace agentpol::literal
