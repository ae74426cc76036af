// agent_name.cpp — agent_name_problem() (agentpol/agent_name.h).
#include "bundle/utf8.h"

#include <agentpol/agent_name.h>

namespace agentpol {

std::string agent_name_problem(std::string_view name) {
  if (name.empty()) return "it is empty";
  if (name.size() > kMaxAgentNameBytes)
    return "it is " + std::to_string(name.size()) + " bytes long (at most " + std::to_string(kMaxAgentNameBytes) + ")";
  const auto* s = reinterpret_cast<const uint8_t*>(name.data());
  for (size_t i = 0; i < name.size();) {
    int32_t c = utf8_next(s, name.size(), &i);
    if (c < 0) return "it is not valid UTF-8";
    if (is_control_char(c)) return "it contains the control character " + code_point_text(c);
  }
  return "";
}

}  // namespace agentpol
