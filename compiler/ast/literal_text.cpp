// literal_text.cpp — formatting of money amounts for dumps and messages.
#include "ast/literal_text.h"

#include <fmt/format.h>

namespace agentpol::ast {

std::string formatMinorUnits(int64_t minor) {
  uint64_t abs = minor < 0 ? 0 - static_cast<uint64_t>(minor) : static_cast<uint64_t>(minor);
  return fmt::format("{}{}.{:02}", minor < 0 ? "-" : "", abs / 100, abs % 100);
}

}  // namespace agentpol::ast
