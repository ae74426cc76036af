// code_decode.cpp — loader stage 3a: decodes one code block into Insns using
// the operand formats of opcodes.def, checks every action-independent index,
// and turns forward byte offsets into instruction indices. Entry: decode_block().
#include "bundle/wire.h"
#include "loader/bundle_data.h"

#include <algorithm>

namespace agentpol {
namespace detail {
namespace {

std::string at(size_t off, const std::string& what) {
  return "code offset " + std::to_string(off) + ": " + what;
}

// Checks the operands that do not depend on the rule's action.
bool check_operands(const BundleImage& im, const OpInfo& info, const Insn& in, std::string* why) {
  switch (info.format) {
    case OperandFormat::Const:
      if (in.a >= im.constants.size()) *why = "constant index out of range";
      break;
    case OperandFormat::Imm:
      if (in.a > 1) *why = "Bool immediate is not 0 or 1";
      break;
    case OperandFormat::Ctx:
      if (in.a >= im.context.size()) *why = "context slot out of range";
      break;
    case OperandFormat::Attr:
      if (in.a >= im.entity_types.size() || in.b >= im.entity_types[in.a].attrs.size())
        *why = "attribute slot out of range";
      break;
    case OperandFormat::Pattern:
      if (in.a >= im.patterns.size()) *why = "pattern index out of range";
      break;
    case OperandFormat::SetOf:
      if (!valid_type(im, Type{in.a}, false, false)) *why = "bad set element type";
      else if (in.b > kMaxScratch) *why = "set literal too large";
      break;
    default:
      break;
  }
  return why->empty();
}

}  // namespace

bool decode_block(const BundleImage& im, const CodeImage& code, CodeBlock* out, std::string* error) {
  ByteReader r(code.bytes.data(), code.bytes.size());
  const uint8_t* base = code.bytes.data();
  std::vector<uint64_t> jump_to;  // byte target per instruction (jumps only)
  while (r.remaining() > 0) {
    size_t off = static_cast<size_t>(r.pos() - base);
    uint8_t byte;
    r.u8(&byte);
    if (byte >= kOpCount) return *error = at(off, "unknown opcode " + std::to_string(byte)), false;
    Insn in;
    in.op = static_cast<Op>(byte);
    in.x = static_cast<XOp>(byte);
    const OpInfo& info = op_info(in.op);
    unsigned n = operand_count(info.format);
    if ((n >= 1 && !r.varint32(&in.a)) || (n >= 2 && !r.varint32(&in.b)))
      return *error = at(off, "truncated or oversized operand"), false;
    std::string why;
    if (!check_operands(im, info, in, &why)) return *error = at(off, why), false;
    size_t next = static_cast<size_t>(r.pos() - base);
    jump_to.push_back(info.format == OperandFormat::Jump ? next + uint64_t{in.a} : 0);
    out->insns.push_back(in);
    out->offsets.push_back(static_cast<uint32_t>(off));
  }
  if (out->insns.empty() || out->insns.back().op != Op::RET)
    return *error = "code block does not end with RET", false;
  for (size_t i = 0; i < out->insns.size(); ++i) {
    if (op_info(out->insns[i].op).format != OperandFormat::Jump) continue;
    auto it = std::lower_bound(out->offsets.begin(), out->offsets.end(), jump_to[i]);
    if (it == out->offsets.end() || *it != jump_to[i])
      return *error = at(out->offsets[i], "jump target is not an instruction boundary"), false;
    out->insns[i].a = static_cast<uint32_t>(it - out->offsets.begin());
  }
  return true;
}

}  // namespace detail
}  // namespace agentpol
