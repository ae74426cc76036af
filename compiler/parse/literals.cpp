// literals.cpp — numbers, money, durations and times: the text is read by
// the one literal parser (compiler/literal), and its verdicts become
// diagnostics; policy times must also be UTC (`Z`) without fractions. String
// escapes live in string_literals.cpp.
#include "parse/literals.h"

#include <agentpol/civil_time.h>

#include "literal/number_text.h"
#include "literal/time_text.h"

namespace agentpol::parse {
namespace {

using diag::DiagId;
using literal::TextError;

LitError makeError(DiagId id, std::vector<std::string> args, uint32_t offset = 0, uint32_t length = 0) {
  return LitError{id, std::move(args), offset, length};
}

}  // namespace

std::optional<int64_t> decodeInt(std::string_view text, LitError* err) {
  int64_t v = 0;
  if (literal::parseDigits(text, false, &v)) return v;
  *err = makeError(DiagId::IntTooLarge, {std::string(text)});
  return std::nullopt;
}

std::optional<int64_t> decodeMoneyAmount(std::string_view text, LitError* err) {
  int64_t v = 0;
  TextError why;
  if (literal::parseMoneyAmount(text, literal::Sign::Unsigned, &v, &why)) return v;
  DiagId id = why.kind == TextError::Kind::TooPrecise ? DiagId::MoneyTooPrecise : DiagId::MoneyTooLarge;
  *err = makeError(id, {std::string(text)});
  return std::nullopt;
}

bool isCurrencyCode(std::string_view code) { return literal::isCurrencyCode(code); }

std::optional<int64_t> decodeDuration(std::string_view text, LitError* err) {
  int64_t v = 0;
  TextError why;
  if (literal::parseDuration(text, literal::Sign::Unsigned, literal::DurationIn::Seconds, &v, &why)) return v;
  *err = makeError(DiagId::DurationTooLarge, {std::string(text)});  // the lexer checked the shape
  return std::nullopt;
}

std::optional<int64_t> decodeTime(std::string_view t, LitError* err) {
  literal::TimeText time;
  TextError why;
  if (!literal::parseTime(t, &time, &why)) {
    *err = makeError(DiagId::InvalidTime, {std::string(t), why.message});
    return std::nullopt;
  }
  using Zone = literal::TimeText::Zone;
  if (time.dateOnly || (time.zone == Zone::Utc && !time.fraction)) return time.epoch;  // a date: midnight UTC
  DiagId id = time.zone == Zone::Utc ? DiagId::TimeFractionalSeconds : DiagId::TimeNotUtc;
  *err = makeError(id, {std::string(t), agentpol::format_time(time.epoch)});
  return std::nullopt;
}

}  // namespace agentpol::parse
