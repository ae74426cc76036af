// syntax_messages.h — turns "the parser expected these token types here" into
// one plain-language message and the range to put the caret on. Pure (no
// ANTLR types): error_strategy.cpp gathers the situation, this phrases it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parse/tokens.h"

namespace agentpol::parse {

struct SyntaxSituation {
  std::vector<size_t> expected;  // token types the parser could accept (kEofType for EOF)
  size_t rule;                   // innermost grammar rule (AgentPolParser::Rule*)
  size_t declRule;               // the declaration rule around it, or `rule`
  Tok found;                     // the offending token
  Tok previous;                  // the token before it (begin == end == 0 at file start)
};

struct SyntaxMessage {
  std::string text;
  uint32_t begin;
  uint32_t end;
};

SyntaxMessage describeSyntaxError(const SyntaxSituation& s, std::string_view src);

}  // namespace agentpol::parse
