// slot_access.h — reads one flattened run-time slot (`token.issued_at`) out
// of the source encoding's record trees: the leaf's SymValue and its
// presence (every optional field on the path present). Also records the one
// fact the runtime's flat slots imply about optional records: a record with
// no leaf present is absent (docs/ir.md), so `has r` means "some leaf of r".
#pragma once

#include <vector>

#include "verify/bytecode/schema_map.h"
#include "verify/sym_value.h"

namespace agentpol::verify::bytecode {

struct SlotValue {
  SymValue value;     // a scalar or set leaf
  z3::expr present;   // the slot holds a value
};

// `top` is the field path[0] of `fields` (already read from the encoding);
// walks path[1..]. Facts about optional records on the way go to `facts`.
SlotValue walkSlot(const sema::Schema& schema, const sema::Field& topField, const SymField& top,
                   const FieldPath& path, std::vector<z3::expr>& facts);

}  // namespace agentpol::verify::bytecode
