// opcodes.h — the Op enum, operand formats, typing rules, stack effects and
// the per-opcode info table, all generated from opcodes.def. Used by the code
// writer, the loader's verifier, the VM, the disassembler, codegen and the
// symbolic executor of compiler/verify/bytecode.
#pragma once
#include <cstdint>

namespace agentpol {

enum class Op : uint8_t {
#define AGENTPOL_OPCODE(name, format, pop, push, rule, types, sem) name,
#include "bundle/opcodes.def"
#undef AGENTPOL_OPCODE
};

#define AGENTPOL_OPCODE(name, format, pop, push, rule, types, sem) +1
constexpr unsigned kOpCount = 0
#include "bundle/opcodes.def"
    ;
#undef AGENTPOL_OPCODE

enum class OperandFormat : uint8_t { None, Const, Imm, Ctx, Param, Arg, Attr, Pattern, SetOf, Jump };

enum class TypeRule : uint8_t {
  Const, BoolImm, Now, Agent, User, HasUser, Ctx, HasCtx, Param, Arg, HasArg,
  Attr, HasAttr, Id, Not, Eq, SetEq, Cmp, Add, Sub, Mul, Neg, In, SetSet,
  IsEmpty, MkSet, Like, Jmp, Jf, JKeep, Ret,
};

struct OpInfo {
  const char* name;
  OperandFormat format;
  int pop;   // -1: the count operand of MKSET
  int push;
  TypeRule rule;
  const char* types;
  const char* semantics;
};

// Info for a valid opcode byte (callers check byte < kOpCount first).
const OpInfo& op_info(Op op);

// Values an instruction pops and pushes on the path that falls through to
// the next instruction (a taken JFK/JTK keeps its operand; nothing falls
// through JMP or RET). `count` is MKSET's element count n.
struct StackEffect {
  uint32_t pop, push;
};
StackEffect stack_effect(Op op, uint32_t count = 0);
// Number of varint operands that follow the opcode byte.
unsigned operand_count(OperandFormat f);
const char* format_name(OperandFormat f);

}  // namespace agentpol
