// agentpol/agent_name.h — what an agent's identity may be (spec 3): the one
// rule, shared by the compiler (sema reports a bad `agent "…"`) and the
// bundle loader (rejects a bundle whose agent table breaks it).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace agentpol {

constexpr size_t kMaxAgentNameBytes = 256;

// Why `name` cannot be an agent's identity, or "" when it can: 1 to 256
// bytes of valid UTF-8 with no control character (U+0000-U+001F,
// U+007F-U+009F). Anything else is allowed (`spiffe://corp.example/a`,
// `0oa4x9-refund`, spaces), and identities are compared byte for byte.
std::string agent_name_problem(std::string_view name);

}  // namespace agentpol
