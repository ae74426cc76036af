// slot_access.cpp — walking a field path through SymValue record trees and
// the "an optional record is present exactly when some leaf is" fact.
#include "verify/bytecode/slot_access.h"

#include "verify/expr_encoding.h"

namespace agentpol::verify::bytecode {
namespace {

using K = sema::Type::Kind;

// Some leaf of the record value `v` holds a value.
z3::expr anyLeaf(const sema::Schema& s, const SymValue& v) {
  z3::expr any = v.value.ctx().bool_val(false);
  const sema::RecordInfo& info = s.recordOf(v.type);
  for (size_t i = 0; i < v.fields.size(); ++i) {
    const SymField& f = v.fields[i];
    z3::expr inner = info.fields[i].type->kind() == K::Record ? anyLeaf(s, f.value) : v.value.ctx().bool_val(true);
    any = any || (f.present && inner);
  }
  return any;
}

void noteOptionalRecord(const sema::Schema& s, const sema::Field& f, const SymField& v, std::vector<z3::expr>& facts) {
  if (!f.optional || f.type->kind() != K::Record) return;
  z3::expr fact = z3::implies(v.present, anyLeaf(s, v.value)).simplify();
  if (!fact.is_true()) facts.push_back(fact);
}

}  // namespace

SlotValue walkSlot(const sema::Schema& schema, const sema::Field& topField, const SymField& top,
                   const FieldPath& path, std::vector<z3::expr>& facts) {
  const sema::Field* field = &topField;
  SymField cur = top;
  z3::expr present = top.present;
  for (size_t i = 1; i < path.size(); ++i) {
    if (field->type->kind() != K::Record || path[i] >= cur.value.fields.size())
      throw Unsupported("a slot path that does not fit the policy's records");
    noteOptionalRecord(schema, *field, cur, facts);
    const sema::RecordInfo& rec = schema.recordOf(field->type);
    field = &rec.fields[path[i]];
    SymField next = cur.value.fields[path[i]];
    cur = next;
    present = present && cur.present;
  }
  if (field->type->kind() == K::Record) throw Unsupported("a slot that is a whole record");
  return SlotValue{cur.value, present};
}

}  // namespace agentpol::verify::bytecode
