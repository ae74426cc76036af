// answers.h — the tool results the gateway gives instead of the server's
// (spec sections 11-12): a denial, an escalation held for approval or
// declined, and a call stopped because its audit line was not written.
// Each is an MCP CallToolResult with "isError": true, one text item and
// "_meta": {"agentpol": {…}}.
#pragma once

#include "core/decider.h"
#include "core/state_db.h"

#include <string>

namespace agentpol::gateway {

// "agentpol: denied (forbidden) by rule-a, rule-b: MESSAGE" (parts left out when empty).
std::string verdict_text(const Verdict& v);

// The result for a blocked call: deny, or escalate with no approval possible
// (the verdict's message says why).
json blocked_result(const Verdict& v, const std::string& audit_id);
// "agentpol: held for approval ID …": still pending when the hold ended.
json held_result(const Verdict& v, const std::string& audit_id, const Approval& a);
// "agentpol: declined by WHO (approval ID): NOTE".
json declined_result(const Verdict& v, const std::string& audit_id, const Approval& a);
// The result for a call whose audit line could not be written.
json audit_failed_result(const Verdict& v, const std::string& error);

}  // namespace agentpol::gateway
