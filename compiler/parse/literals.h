// literals.h — decoding and validation of literal tokens into the values the
// AST stores: Int, Money (minor units), Duration (seconds), Time (epoch
// seconds), strings (escapes) and `like` patterns (segments). Pure functions on
// token text; the AST builder turns a LitError into a diagnostic.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"

namespace agentpol::parse {

struct LitError {
  diag::DiagId id = diag::DiagId::SyntaxError;
  std::vector<std::string> args;  // fill the registry message's holes, in order
  uint32_t offset = 0;            // byte offset of the bad part within the literal
  uint32_t length = 0;            // 0: the whole literal
};

// Each decoder returns the value, or nothing and fills `*err`.
std::optional<int64_t> decodeInt(std::string_view text, LitError* err);
// `49.99` -> 4999 (minor units); `text` is the amount without its currency.
std::optional<int64_t> decodeMoneyAmount(std::string_view text, LitError* err);
bool isCurrencyCode(std::string_view code);
std::optional<int64_t> decodeDuration(std::string_view text, LitError* err);
std::optional<int64_t> decodeTime(std::string_view text, LitError* err);
// `quoted` includes its quotes.
std::optional<std::string> decodeString(std::string_view quoted, LitError* err);
// The right side of `like`: segments split at unescaped `*` (see ast::LikeExpr).
std::optional<std::vector<std::string>> decodeLikePattern(std::string_view quoted, LitError* err);

}  // namespace agentpol::parse
