// xop.h — the VM's execution opcodes: every bytecode Op (same numbers) plus
// fused pairs the loader forms after verification (loader/fuse.cpp). Only
// Insn::x holds them; Insn::op stays the bytecode's own opcode, so the
// format, the verifier and the disassembler never see a fused opcode.
#pragma once
#include <cstdint>

namespace agentpol {
namespace detail {

// The fused opcodes, in XOp order, for tables.
#define AGENTPOL_FUSED_OPS(X) \
  X(PARAM_ATTR) X(USER_ATTR) X(AGENT_ATTR) X(EQ_K) X(NE_K) X(LT_K) X(LE_K) X(GT_K) X(GE_K) X(IN_K)

enum class XOp : uint8_t {
#define AGENTPOL_OPCODE(name, ...) name,
#include "bundle/opcodes.def"
#undef AGENTPOL_OPCODE
  // load + ATTR t s (a: param index for PARAM_ATTR, b: attribute slot s)
  PARAM_ATTR,
  USER_ATTR,
  AGENT_ATTR,
  // CONST k + comparison with the top of the stack (a: k)
  EQ_K,
  NE_K,
  LT_K,
  LE_K,
  GT_K,
  GE_K,
  IN_K,
};

}  // namespace detail
}  // namespace agentpol
