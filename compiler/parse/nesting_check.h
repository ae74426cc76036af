// nesting_check.h — the hard limits checked on the token stream before the
// (recursive) ANTLR parser runs: expression nesting depth (kMaxNesting) and
// operators per declaration (kMaxOperators). A file over a limit is not parsed.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "parse/tokens.h"

namespace agentpol::parse {

struct LimitViolation {
  enum class Kind { Nesting, Operators };
  Kind kind;
  size_t tokenIndex;  // the token that goes over the limit
};

// `toks` are the default-channel tokens of a file (ending with EOF).
std::optional<LimitViolation> checkLimits(const std::vector<Tok>& toks, size_t maxNesting, size_t maxOperators);

}  // namespace agentpol::parse
