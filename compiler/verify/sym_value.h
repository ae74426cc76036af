// sym_value.h — a symbolic agentpol value: a Z3 term plus an error flag (the
// three-valued evaluation of spec 6.2: a value, or an evaluation error).
// Records have no term of their own; they are flattened into their fields.
#pragma once

#include <vector>

#include <z3++.h>

#include "sema/type.h"

namespace agentpol::verify {

struct SymField;

struct SymValue {
  const sema::Type* type = nullptr;
  z3::expr value;   // Bool/Int/String/enum/entity element/array; `true` for records
  z3::expr error;   // Bool: evaluating this raised an error
  std::vector<SymField> fields;  // records: one per RecordInfo field, in order

  SymValue(const sema::Type* t, z3::expr v, z3::expr e) : type(t), value(v), error(e) {}
};

struct SymField {
  SymValue value;
  z3::expr present;  // `true` for a required field
};

}  // namespace agentpol::verify
