// decision_json.h — the one-line JSON form of a decision printed by `eval`
// (spec section 9): {"decision","reason","rules"[,"message"]}, appended to a
// caller's buffer without a JSON library so the eval loop stays allocation-light.
#pragma once

#include <agentpol/decide.h>  // strings: agentpol::append_json_string (audit.h)

#include <string>
#include <string_view>

namespace agentpol::driver {

// Appends the decision object and a newline.
void appendDecisionLine(const Result& r, std::string* out);

}  // namespace agentpol::driver
