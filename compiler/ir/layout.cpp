// layout.cpp — flattening of records into dotted slots (see layout.h) and the
// sema -> runtime type mapping. Records cannot contain themselves (sema
// checks), so the recursion is bounded by the number of record types.
#include "ir/layout.h"

#include "sema/schema.h"
#include "sema/type.h"

namespace agentpol::ir {
namespace {

using K = sema::Type::Kind;

struct Flattener {
  const sema::Schema& schema;
  Layout& layout;

  void field(const sema::Field& f, const std::string& prefix, bool forceOptional, FieldLayout& out) {
    std::string name = prefix + f.name;
    bool optional = forceOptional || f.optional;
    if (f.type->kind() != K::Record) {
      out.slots.push_back(SlotImage{name, runtimeType(f.type, layout), optional});
      return;
    }
    for (const sema::Field& inner : schema.records[f.type->index()].fields) field(inner, name + ".", optional, out);
  }

  FieldLayout fields(const std::vector<sema::Field>& list) {
    FieldLayout out;
    for (const sema::Field& f : list) {
      out.offset.push_back(static_cast<uint32_t>(out.slots.size()));
      field(f, "", false, out);
    }
    return out;
  }
};

}  // namespace

FieldLayout Layout::context() const { return records[contextRecord]; }

uint32_t FieldLayout::firstRequired() const {
  for (size_t i = 0; i < slots.size(); ++i)
    if (!slots[i].optional) return static_cast<uint32_t>(i);
  return kNoIndex;
}

Type runtimeType(const sema::Type* t, const Layout& layout) {
  switch (t->kind()) {
    case K::Bool: return Type::boolean();
    case K::Int: return Type::integer();
    case K::String: return Type::string();
    case K::Duration: return Type::duration();
    case K::Time: return Type::time();
    case K::Money: return Type::money(t->currency());
    case K::Set: return Type::set_of(runtimeType(t->element(), layout));
    case K::EmptySet: return Type::set_of(Type::boolean());
    case K::Enum: return Type::enumeration(t->index());
    case K::Entity: return Type::entity(t->index());
    case K::Record: return Type::record(layout.recordImage.at(t->index()));
    case K::Error: break;
  }
  return Type::boolean();  // unreachable: checked policies hold no error types
}

Layout buildLayout(const sema::Schema& schema) {
  Layout layout;
  layout.contextRecord = schema.contextRecord;
  uint32_t next = 0;
  for (uint32_t i = 0; i < schema.records.size(); ++i)
    layout.recordImage.push_back(i == schema.contextRecord ? kNoIndex : next++);
  Flattener f{schema, layout};
  for (const sema::RecordInfo& r : schema.records) layout.records.push_back(f.fields(r.fields));
  for (const sema::RecordInfo& e : schema.entities) layout.entities.push_back(f.fields(e.fields));
  for (const sema::ActionInfo& a : schema.actions) layout.args.push_back(f.fields(a.args));
  return layout;
}

}  // namespace agentpol::ir
