// code_writer.cpp — CodeWriter: records instructions, then lays them out,
// growing jump operands until every varint offset fits (a fixed point:
// sizes only grow), and writes the bytes.
#include "bundle/code_writer.h"
#include "bundle/wire.h"

namespace agentpol {

CodeWriter& CodeWriter::emit(Op o, uint32_t a, uint32_t b, uint32_t label) {
  items_.push_back({o, a, b, label});
  return *this;
}

CodeWriter::Label CodeWriter::label() {
  labels_.push_back(kNoLabel);
  return static_cast<Label>(labels_.size() - 1);
}

CodeWriter& CodeWriter::bind(Label l) {
  if (l < labels_.size()) labels_[l] = static_cast<uint32_t>(items_.size());
  return *this;
}

CodeImage CodeWriter::finish() const {
  size_t n = items_.size();
  std::vector<uint64_t> off(n + 1, 0), operand(n, 0);
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < n; ++i) {
      const Item& it = items_[i];
      unsigned count = operand_count(op_info(it.op).format);
      uint64_t a = it.a;
      if (it.label != kNoLabel) {
        uint32_t target = it.label < labels_.size() ? labels_[it.label] : kNoLabel;
        uint64_t to = target <= n ? off[target] : 0;
        a = to > off[i + 1] ? to - off[i + 1] : 0;
      }
      operand[i] = a;
      uint64_t size = 1 + (count >= 1 ? varint_size(a) : 0) + (count >= 2 ? varint_size(it.b) : 0);
      if (off[i] + size != off[i + 1]) { off[i + 1] = off[i] + size; changed = true; }
    }
  }
  ByteWriter w;
  for (size_t i = 0; i < n; ++i) {
    const Item& it = items_[i];
    unsigned count = operand_count(op_info(it.op).format);
    w.u8(static_cast<uint8_t>(it.op));
    if (count >= 1) w.varint(operand[i]);
    if (count >= 2) w.varint(it.b);
  }
  return CodeImage{std::move(w.bytes())};
}

}  // namespace agentpol
