// decision_json.h — the one-line JSON form of a decision printed by `eval`
// (spec section 9): {"decision","reason","rules"[,"message"]}, appended to a
// caller's buffer without a JSON library so the eval loop stays allocation-light.
#pragma once

#include <agentpol/decide.h>

#include <string>
#include <string_view>

namespace agentpol::driver {

// Appends `s` as a JSON string (quotes included; RFC 8259 escapes).
void appendJsonString(std::string_view s, std::string* out);

// Appends the decision object and a newline.
void appendDecisionLine(const Result& r, std::string* out);

}  // namespace agentpol::driver
