// build.h — the only way IR nodes are made: one constructor per node kind,
// each folding what is safe to fold (constant operands, short-circuits,
// double negation) without changing when evaluation errors happen — see
// docs/ir.md, "Folding". Used by the lowering and by tests.
#pragma once

#include <string>
#include <vector>

#include "ir/ir.h"

namespace agentpol::ir {

NodeRef constant(ConstImage k);  // sets are sorted and deduplicated
NodeRef boolConst(bool v);
// Now, Agent, User, HasUser, Ctx, HasCtx, Param, Arg, HasArg (a: the slot).
NodeRef load(Op op, Type type, uint32_t slot = 0, bool mayError = false);
// Attr / HasAttr of `entity` (entity type `etype`, attribute slot `slot`).
NodeRef attr(Op op, NodeRef entity, uint32_t etype, uint32_t slot, Type type);
NodeRef idOf(NodeRef entity);
NodeRef notOf(NodeRef x);
NodeRef andOf(NodeRef a, NodeRef b);
NodeRef orOf(NodeRef a, NodeRef b);
NodeRef ifOf(NodeRef c, NodeRef t, NodeRef e);
NodeRef compare(Op op, NodeRef a, NodeRef b);             // Eq Ne Lt Le Gt Ge
NodeRef arith(Op op, NodeRef a, NodeRef b, Type result);  // Add Sub
NodeRef neg(NodeRef x);
NodeRef mul(NodeRef x, int64_t factor);
NodeRef setOp(Op op, NodeRef a, NodeRef b);  // In ContainsAll ContainsAny
NodeRef isEmpty(NodeRef s);
NodeRef makeSet(Type element, std::vector<NodeRef> elements);
NodeRef like(NodeRef s, std::vector<std::string> segments);

// Glob of spec 5 over pre-split segments (see ast::LikeExpr).
bool globMatch(const std::vector<std::string>& segments, const std::string& s);

}  // namespace agentpol::ir
