// lower_records.cpp — record-typed expressions as tuples of leaves: context,
// argument and attribute places, fields of records, `if` pushed into every
// leaf, `has` on fields, and `==` as a conjunction over the leaves (optional
// leaves compare presence first).
#include <stdexcept>

#include <llvm/Support/Casting.h>

#include "ir/lowerer.h"

namespace agentpol::ir {

using llvm::cast;
using llvm::dyn_cast;
using TK = sema::Type::Kind;

RecVal Lowerer::record(const ast::Expr* e) {
  uint32_t rec = e->type->index();
  if (auto* k = dyn_cast<ast::KeywordExpr>(e)) {
    if (k->which != ast::KeywordExpr::Which::Context) throw std::logic_error("ir: record keyword");
    return place(Op::Ctx, layout_.records[layout_.contextRecord], 0, rec, nullptr, 0);
  }
  if (auto* n = dyn_cast<ast::NameExpr>(e)) {
    uint32_t index = rule_.names.at(n->binding.index).indexInAction.at(k_);
    const FieldLayout& args = layout_.args[action_];
    return place(Op::Arg, args, args.offset.at(index), rec, nullptr, 0);
  }
  if (auto* a = dyn_cast<ast::AttrExpr>(e)) {
    const sema::Type* ot = a->object->type;
    uint32_t field = static_cast<uint32_t>(schema_.recordOf(ot).fieldIndex(a->attr.name));
    if (ot->kind() == TK::Record) return subRecord(record(a->object.get()), field);
    return entityRecord(expr(a->object.get()), ot->index(), field);
  }
  if (auto* i = dyn_cast<ast::IfExpr>(e)) {
    NodeRef c = expr(i->cond.get());
    RecVal t = record(i->thenExpr.get()), f = record(i->elseExpr.get());
    for (size_t j = 0; j < t.leaves.size(); ++j) {
      Leaf& l = t.leaves[j];
      l.value = ifOf(c, l.value, f.leaves[j].value);
      l.present = ifOf(c, l.present, f.leaves[j].present);
      l.optional = l.optional || f.leaves[j].optional;
    }
    return t;
  }
  throw std::logic_error("ir: unexpected record-typed expression");
}

// The leaves of record `rec` stored at fields.slots[base…]: context and
// argument slots are read directly, attribute slots through `entity`.
RecVal Lowerer::place(Op read, const FieldLayout& fields, uint32_t base, uint32_t rec, NodeRef entity,
                      uint32_t etype) {
  RecVal out{rec, {}};
  size_t n = layout_.records[rec].slots.size();
  for (size_t i = 0; i < n; ++i) {
    uint32_t s = base + static_cast<uint32_t>(i);
    const SlotImage& slot = fields.slots.at(s);
    Leaf l;
    l.optional = slot.optional;
    if (read == Op::Attr) {
      l.value = attr(Op::Attr, entity, etype, s, slot.type);
      l.present = attr(Op::HasAttr, entity, etype, s, Type::boolean());
    } else {
      Op hasOp = read == Op::Ctx ? Op::HasCtx : Op::HasArg;
      l.value = load(read, slot.type, s, slot.optional);
      l.present = slot.optional ? load(hasOp, Type::boolean(), s) : boolConst(true);
    }
    out.leaves.push_back(std::move(l));
  }
  return out;
}

// Field `field` (record-typed) of a record value: a slice of its leaves.
RecVal Lowerer::subRecord(const RecVal& parent, uint32_t field) {
  const FieldLayout& pl = layout_.records[parent.record];
  uint32_t rec = schema_.records[parent.record].fields.at(field).type->index();
  RecVal out{rec, {}};
  out.leaves.assign(parent.leaves.begin() + pl.offset.at(field), parent.leaves.begin() + pl.end(field));
  return out;
}

RecVal Lowerer::entityRecord(NodeRef entity, uint32_t etype, uint32_t field) {
  const sema::Field& f = schema_.entities[etype].fields.at(field);
  return place(Op::Attr, layout_.entities[etype], layout_.entities[etype].offset.at(field), f.type->index(),
               std::move(entity), etype);
}

NodeRef Lowerer::recordField(const RecVal& r, uint32_t field) {
  return r.leaves.at(layout_.records[r.record].offset.at(field)).value;
}

NodeRef Lowerer::recordHas(const RecVal& r, uint32_t field) {
  const FieldLayout& fl = layout_.records[r.record];
  std::vector<Leaf> leaves(r.leaves.begin() + fl.offset.at(field), r.leaves.begin() + fl.end(field));
  return presence(leaves, schema_.records[r.record].fields[field]);
}

NodeRef Lowerer::entityHas(NodeRef entity, uint32_t etype, uint32_t field) {
  const FieldLayout& fl = layout_.entities[etype];
  std::vector<Leaf> leaves;
  for (uint32_t s = fl.offset.at(field); s < fl.end(field); ++s)
    leaves.push_back(Leaf{nullptr, attr(Op::HasAttr, entity, etype, s, Type::boolean()), fl.slots[s].optional});
  return presence(leaves, schema_.entities[etype].fields[field]);
}

// `x has f` over the leaves of field f. A scalar: its slot's presence. A
// record: the presence of its first leaf required within the record (the
// record is present exactly when that leaf is); with none, an optional
// record counts as present when any leaf is. A required record: true (or an
// error for an entity given by reference only).
NodeRef Lowerer::presence(const std::vector<Leaf>& leaves, const sema::Field& f) {
  if (leaves.empty()) return boolConst(!f.optional);
  if (f.type->kind() != TK::Record) return leaves[0].present;
  uint32_t w = layout_.records[f.type->index()].firstRequired();
  if (w != kNoIndex) return leaves.at(w).present;
  if (!f.optional) return orOf(leaves[0].present, notOf(leaves[0].present));
  NodeRef any = boolConst(false);
  for (const Leaf& l : leaves) any = orOf(any, l.present);
  return any;
}

NodeRef Lowerer::recordEquals(const RecVal& a, const RecVal& b) {
  NodeRef all = boolConst(true);
  for (size_t i = 0; i < a.leaves.size(); ++i) {
    const Leaf &x = a.leaves[i], &y = b.leaves[i];
    NodeRef same;
    if (x.optional || y.optional)
      same = andOf(compare(Op::Eq, x.present, y.present), orOf(notOf(x.present), compare(Op::Eq, x.value, y.value)));
    else same = compare(Op::Eq, x.value, y.value);
    all = andOf(all, same);
  }
  return all;
}

}  // namespace agentpol::ir
