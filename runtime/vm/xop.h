// xop.h — the VM's execution opcodes: every bytecode Op (same numbers) plus
// fused pairs the loader forms after verification (loader/fuse.cpp). Only
// Insn::x holds them; Insn::op stays the bytecode's own opcode, so the
// format, the verifier and the disassembler never see a fused opcode.
#pragma once
#include <cstdint>

namespace agentpol {
namespace detail {

// The fused opcodes, once: the XOp enum and the VM's dispatch table come
// from this list. PARAM_ATTR, USER_ATTR, AGENT_ATTR: a load + ATTR t s (a:
// the param index for PARAM_ATTR, b: the attribute slot s); EQ_K … IN_K:
// CONST k + a comparison with the top of the stack (a: k).
#define AGENTPOL_FUSED_OPS(X) \
  X(PARAM_ATTR) X(USER_ATTR) X(AGENT_ATTR) X(EQ_K) X(NE_K) X(LT_K) X(LE_K) X(GT_K) X(GE_K) X(IN_K)

enum class XOp : uint8_t {
#define AGENTPOL_OPCODE(name, ...) name,
#include "bundle/opcodes.def"
#undef AGENTPOL_OPCODE
#define AGENTPOL_FUSED_XOP(name) name,
  AGENTPOL_FUSED_OPS(AGENTPOL_FUSED_XOP)
#undef AGENTPOL_FUSED_XOP
};

}  // namespace detail
}  // namespace agentpol
