// agents.h — builds the agent inventory (Schema::agents) from the `agent`
// declarations: `owner` and `purpose` String literals are required,
// `reviewed`/`expires` are Time literals, `may` is a list of declared action
// names. Runs after the schema's actions are known.
#pragma once

#include "sema/module_loader.h"
#include "sema/sema_state.h"

namespace agentpol::sema {

void buildAgents(SemaState& st, const LoadedSet& set);

// An agent name, declared or named by a rule, breaks the identity rule
// (agentpol/agent_name.h: empty, over 256 bytes, a control character): reports
// E0120 and returns false. Identifiers always pass.
bool validAgentName(SemaState& st, const ast::Ident& name);

}  // namespace agentpol::sema
