// tools.h — the MCP tools of actions (spec 3 and 11): `@tool("…")` on an
// action names the tool it stands for (else its own name). Checks each
// action's annotations (only `@tool`, once, a valid MCP tool name:
// agentpol/tool_name.h) and that no tool stands for two actions.
#pragma once

#include "ast/ast.h"
#include "sema/sema_state.h"

namespace agentpol::sema {

// The annotations of action declaration `a`, entered as `info`: sets
// info.tool/toolRange from a valid `@tool`; E0118, E0402, E0403 otherwise.
void readActionAnnotations(SemaState& st, const ast::ActionDecl& a, ActionInfo& info);

// Every action's tool (its `@tool`, else its name) is another action's
// neither: E0119 at the later one, noting the first. After all actions are in.
void checkToolNames(SemaState& st);

}  // namespace agentpol::sema
