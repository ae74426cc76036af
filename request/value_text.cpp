// value_text.cpp — the request's rules for Money, Time and Duration text,
// over the one literal parser (compiler/literal): Money and Duration may be
// negative; a time of day needs its offset.
#include "request/value_text.h"

#include "literal/number_text.h"
#include "literal/time_text.h"

namespace agentpol::request {

bool parseMoney(std::string_view s, int64_t* minor, std::string_view* currency, std::string* why) {
  literal::TextError err;
  if (literal::parseMoney(s, minor, currency, &err)) return true;
  *why = std::move(err.message);
  return false;
}

bool parseTime(std::string_view s, int64_t* out, std::string* why) {
  literal::TimeText t;
  literal::TextError err;
  if (!literal::parseTime(s, &t, &err)) {
    *why = std::move(err.message);
    return false;
  }
  if (!t.dateOnly && t.zone == literal::TimeText::Zone::None) {
    *why = "missing the offset (`Z` or `+hh:mm`)";
    return false;
  }
  *out = t.epoch;
  return true;
}

bool parseDuration(std::string_view s, int64_t* out, std::string* why) {
  literal::TextError err;
  if (literal::parseDuration(s, literal::Sign::MayBeNegative, literal::DurationIn::Seconds, out, &err)) return true;
  *why = std::move(err.message);
  return false;
}

}  // namespace agentpol::request
