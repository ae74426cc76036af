// explain.h — `agentpolc eval --explain` (spec 9): the `"explain"` member of
// a decision line: every rule applicable to the request's agent and action,
// in source order, with its side, effect, whether it matched and — for one
// that did not — the first condition part that was false or could not be
// evaluated, from the runtime's trace (agentpol/trace.h) over the bundle's
// debug table. cmd_eval calls appendExplain after each decision.
#pragma once

#include <string>

#include <agentpol/decide.h>

namespace agentpol::driver {

// Appends `,"explain":[…]` for `request`, which `decided` was just decided
// from (an early decision — revoked, unknown agent, … — has no rules: []).
// Without the bundle's debug table, `failed` is left out.
void appendExplain(const Bundle& bundle, Request& request, const Result& decided, std::string* out);

// appendDecisionLine (decision_json.h) with `"explain"` as its last member.
void appendExplainedDecisionLine(const Bundle& bundle, Request& request, const Result& decided, std::string* out);

}  // namespace agentpol::driver
