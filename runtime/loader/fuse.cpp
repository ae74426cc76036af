// fuse.cpp — loader stage 4b: after a block has been verified under every
// action that uses it, pairs of instructions with a fused execution opcode
// (vm/xop.h) get it in Insn::x on their first instruction; the VM then skips
// the second. A pair is fused only when no jump lands on its second half.
#include "loader/bundle_data.h"

namespace agentpol {
namespace detail {
namespace {

// The fused opcode for (first, second), or first's own opcode.
XOp fused(const Insn& first, const Insn& second) {
  if (second.op == Op::ATTR) {
    switch (first.op) {
      case Op::PARAM: return XOp::PARAM_ATTR;
      case Op::USER: return XOp::USER_ATTR;
      case Op::AGENT: return XOp::AGENT_ATTR;
      default: break;
    }
  }
  if (first.op == Op::CONST) {
    switch (second.op) {
      case Op::EQ: return XOp::EQ_K;
      case Op::NE: return XOp::NE_K;
      case Op::LT: return XOp::LT_K;
      case Op::LE: return XOp::LE_K;
      case Op::GT: return XOp::GT_K;
      case Op::GE: return XOp::GE_K;
      case Op::IN: return XOp::IN_K;
      default: break;
    }
  }
  return static_cast<XOp>(first.op);
}

bool is_jump(Op op) { return op == Op::JMP || op == Op::JF || op == Op::JFK || op == Op::JTK; }

}  // namespace

void fuse_block(CodeBlock* block) {
  std::vector<Insn>& in = block->insns;
  std::vector<uint8_t> target(in.size() + 1, 0);
  for (const Insn& i : in)
    if (is_jump(i.op)) target[i.a] = 1;
  for (size_t i = 0; i + 1 < in.size(); ++i) {
    in[i].x = static_cast<XOp>(in[i].op);
    if (target[i + 1]) continue;
    XOp x = fused(in[i], in[i + 1]);
    if (x == static_cast<XOp>(in[i].op)) continue;
    in[i].x = x;
    if (x == XOp::PARAM_ATTR || x == XOp::USER_ATTR || x == XOp::AGENT_ATTR) in[i].b = in[i + 1].b;
    ++i;  // the second half is never dispatched; its own x stays as decoded
  }
}

}  // namespace detail
}  // namespace agentpol
