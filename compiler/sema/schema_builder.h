// schema_builder.h — the declaration passes: enter every enum, record,
// entity, action, context and def of the set (duplicates are errors with a
// note at the first), then resolve written types (`Money<EUR>`, `Set<T>`,
// names) and validate them. The agent inventory is built by agents.h.
#pragma once

#include "sema/module_loader.h"
#include "sema/sema_state.h"

namespace agentpol::sema {

void buildSchema(SemaState& st, const LoadedSet& set);

// Resolves a written type as seen from `origin`; reports and returns the
// error type when it is not valid.
const Type* resolveType(SemaState& st, const ast::TypeExpr& t, uint32_t origin);

}  // namespace agentpol::sema
