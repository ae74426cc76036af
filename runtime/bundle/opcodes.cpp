// opcodes.cpp — the OpInfo table built from opcodes.def, plus operand-format
// helpers. One table, read by the writer, verifier, VM and disassembler.
#include "bundle/opcodes.h"

namespace agentpol {
namespace {

const OpInfo kInfo[] = {
#define AGENTPOL_OPCODE(name, format, pop, push, rule, types, sem) \
  {#name, OperandFormat::format, pop, push, TypeRule::rule, types, sem},
#include "bundle/opcodes.def"
#undef AGENTPOL_OPCODE
};

static_assert(sizeof(kInfo) / sizeof(kInfo[0]) == kOpCount, "one entry per opcode");

}  // namespace

const OpInfo& op_info(Op op) { return kInfo[static_cast<unsigned>(op)]; }

StackEffect stack_effect(Op op, uint32_t count) {
  const OpInfo& i = op_info(op);
  return StackEffect{i.pop < 0 ? count : static_cast<uint32_t>(i.pop), static_cast<uint32_t>(i.push)};
}

unsigned operand_count(OperandFormat f) {
  switch (f) {
    case OperandFormat::None: return 0;
    case OperandFormat::Attr:
    case OperandFormat::SetOf: return 2;
    default: return 1;
  }
}

const char* format_name(OperandFormat f) {
  switch (f) {
    case OperandFormat::None: return "-";
    case OperandFormat::Const: return "k";
    case OperandFormat::Imm: return "b";
    case OperandFormat::Ctx: return "c";
    case OperandFormat::Param: return "p";
    case OperandFormat::Arg: return "a";
    case OperandFormat::Attr: return "t s";
    case OperandFormat::Pattern: return "g";
    case OperandFormat::SetOf: return "t n";
    case OperandFormat::Jump: return "d";
  }
  return "?";
}

}  // namespace agentpol
