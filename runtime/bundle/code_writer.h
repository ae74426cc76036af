// code_writer.h — emits one code block: instructions with varint operands and
// forward jumps to labels, resolved at finish(). Used by the compiler's
// codegen and by tests; the loader still verifies whatever it produces.
#pragma once
#include "bundle/opcodes.h"

#include <agentpol/bundle_image.h>

#include <cstdint>
#include <vector>

namespace agentpol {

class CodeWriter {
 public:
  using Label = uint32_t;

  CodeWriter& op(Op o) { return emit(o, 0, 0, kNoLabel); }
  CodeWriter& op(Op o, uint32_t a) { return emit(o, a, 0, kNoLabel); }
  CodeWriter& op(Op o, uint32_t a, uint32_t b) { return emit(o, a, b, kNoLabel); }
  // A new label; bind it where the jump should land (after the jump).
  Label label();
  CodeWriter& jump(Op o, Label target) { return emit(o, 0, 0, target); }
  // Binds `l` to the next instruction emitted.
  CodeWriter& bind(Label l);
  // The index of the next instruction emitted (instructions so far).
  uint32_t size() const { return static_cast<uint32_t>(items_.size()); }
  // The block's bytes, jump offsets resolved to the shortest encoding.
  CodeImage finish() const;

 private:
  static constexpr uint32_t kNoLabel = 0xffffffffu;
  struct Item {
    Op op;
    uint32_t a, b, label;
  };
  CodeWriter& emit(Op o, uint32_t a, uint32_t b, uint32_t label);
  std::vector<Item> items_;
  std::vector<uint32_t> labels_;  // item index each label binds to
};

}  // namespace agentpol
