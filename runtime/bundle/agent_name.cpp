// agent_name.cpp — agent_name_problem() (agentpol/agent_name.h).
#include "bundle/utf8.h"

#include <agentpol/agent_name.h>

namespace agentpol {

std::string agent_name_problem(std::string_view name) {
  return name_problem(name, kMaxAgentNameBytes, [](int32_t c) {
    return is_control_char(c) ? "it contains the control character " + code_point_text(c) : std::string();
  });
}

}  // namespace agentpol
