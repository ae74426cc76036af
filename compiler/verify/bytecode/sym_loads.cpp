// sym_loads.cpp — the load instructions of the symbolic executor: constants,
// `now`, agent, user, context/parameter/argument/attribute slots (through
// the SchemaMap into the source encoding's symbols) and their `has` forms,
// with the VM's errors: USER without a user, an absent optional slot, ATTR or
// HAS_ATTR on an entity whose attributes were not supplied.
#include "verify/bytecode/slot_access.h"
#include "verify/bytecode/sym_exec.h"
#include "verify/expr_encoding.h"

namespace agentpol::verify::bytecode {

namespace {

uint32_t entityOf(const SymSlot& v) {
  if (v.type.kind() != Kind::Entity || v.type.is_set()) throw Unsupported("an entity operation on a non-entity");
  return v.type.param();
}

}  // namespace

const sema::Type* SymExec::semaType(Type t) {
  const sema::Type* s = map_.semaType(req_.policy(), t);
  if (!s) throw Unsupported("a value of run-time type " + std::to_string(t.code));
  return s;
}

z3::sort SymExec::sortOf(Type t) { return req_.env().sortOf(req_.schema(), semaType(t)); }

z3::expr SymExec::constantElement(Type elem, const ConstImage& c, size_t i) {
  switch (elem.kind()) {
    case Kind::Bool: return ctx().bool_val(c.ints.at(i) != 0);
    case Kind::Int: case Kind::Money: case Kind::Duration: case Kind::Time: return req_.env().i64(c.ints.at(i));
    case Kind::String: return req_.env().str(c.strings.at(i));
    case Kind::Enum: {
      uint32_t e = elem.param();
      int64_t v = c.ints.at(i);
      if (e >= map_.enumValue.size() || v < 0 || static_cast<size_t>(v) >= map_.enumValue[e].size())
        throw Unsupported("an enum constant out of range");
      const sema::EnumInfo& info = req_.schema().enums[map_.enumOf[e]];
      return req_.env().enumSort(info).values[map_.enumValue[e][v]]();
    }
    default: break;
  }
  throw Unsupported("a constant of run-time type " + std::to_string(elem.code));
}

SymSlot SymExec::constant(uint32_t k) {
  if (k >= image_.constants.size()) throw Unsupported("a constant index out of range");
  const ConstImage& c = image_.constants[k];
  if (!c.type.is_set()) return SymSlot{constantElement(c.type, c, 0), c.type};
  z3::expr set = emptySet(c.type);
  size_t n = c.type.element().kind() == Kind::String ? c.strings.size() : c.ints.size();
  if (c.type.element().kind() == Kind::Entity && n) throw Unsupported("an entity set constant");
  for (size_t i = 0; i < n; ++i) set = z3::store(set, constantElement(c.type.element(), c, i), ctx().bool_val(true));
  return SymSlot{set, c.type};
}

SymSlot SymExec::load(const detail::Insn& in, Path& p) {
  const sema::Schema& s = req_.schema();
  const ActionImage& act = image_.actions.at(action_);
  switch (in.op) {
    case Op::NOW: return SymSlot{req_.now, Type::time()};
    case Op::AGENT:
      if (!req_.agentEnt || !image_.agent_type) throw Unsupported("AGENT without an Agent entity");
      return SymSlot{*req_.agentEnt, Type::entity(*image_.agent_type)};
    case Op::USER:
      if (!req_.userEnt || !image_.user_type) throw Unsupported("USER without a User entity");
      fail(p, !req_.hasUser);
      return SymSlot{*req_.userEnt, Type::entity(*image_.user_type)};
    case Op::CTX: {
      const FieldPath& path = map_.context.at(in.a);
      const sema::RecordInfo& rec = s.context();
      SlotValue v = walkSlot(s, rec.fields.at(path[0]), req_.context->fields.at(path[0]), path, facts_);
      fail(p, !v.present);
      return SymSlot{v.value.value, image_.context[in.a].type};
    }
    case Op::PARAM: {
      int i = map_.params.at(action_).at(in.a);
      return SymSlot{req_.params.at(i).value, act.params.at(in.a).type};
    }
    case Op::ARG: {
      const FieldPath& path = map_.args.at(action_).at(in.a);
      const sema::Field& f = req_.actionInfo().args.at(path[0]);
      SlotValue v = walkSlot(s, f, SymField{req_.args.at(path[0]), req_.argPresent.at(path[0])}, path, facts_);
      fail(p, !v.present);
      return SymSlot{v.value.value, act.args.at(in.a).type};
    }
    case Op::ATTR: {
      SymSlot e = pop(p);
      uint32_t t = entityOf(e);
      if (t != in.a) throw Unsupported("ATTR on an entity of another type");
      uint32_t et = static_cast<uint32_t>(map_.entity.at(t));
      const FieldPath& path = map_.attrs.at(t).at(in.b);
      fail(p, !req_.attrsSupplied(et, e.term));
      SymField top = req_.attribute(et, e.term, path[0]);
      SlotValue v = walkSlot(s, s.entities[et].fields.at(path[0]), top, path, facts_);
      fail(p, !v.present);
      return SymSlot{v.value.value, image_.entity_types.at(t).attrs.at(in.b).type};
    }
    case Op::ID: {
      SymSlot e = pop(p);
      uint32_t et = static_cast<uint32_t>(map_.entity.at(entityOf(e)));
      return SymSlot{req_.entityId(et, e.term), Type::string()};
    }
    default: break;
  }
  throw Unsupported("load opcode " + std::to_string(static_cast<int>(in.op)));
}

z3::expr SymExec::presence(const detail::Insn& in, Path& p) {
  const sema::Schema& s = req_.schema();
  switch (in.op) {
    case Op::HAS_USER: return req_.hasUser;
    case Op::HAS_CTX: {
      const FieldPath& path = map_.context.at(in.a);
      return walkSlot(s, s.context().fields.at(path[0]), req_.context->fields.at(path[0]), path, facts_).present;
    }
    case Op::HAS_ARG: {
      const FieldPath& path = map_.args.at(action_).at(in.a);
      const sema::Field& f = req_.actionInfo().args.at(path[0]);
      return walkSlot(s, f, SymField{req_.args.at(path[0]), req_.argPresent.at(path[0])}, path, facts_).present;
    }
    case Op::HAS_ATTR: {
      SymSlot e = pop(p);
      uint32_t t = entityOf(e);
      if (t != in.a) throw Unsupported("HAS_ATTR on an entity of another type");
      uint32_t et = static_cast<uint32_t>(map_.entity.at(t));
      const FieldPath& path = map_.attrs.at(t).at(in.b);
      fail(p, !req_.attrsSupplied(et, e.term));
      SymField top = req_.attribute(et, e.term, path[0]);
      return walkSlot(s, s.entities[et].fields.at(path[0]), top, path, facts_).present;
    }
    default: break;
  }
  throw Unsupported("presence opcode " + std::to_string(static_cast<int>(in.op)));
}

}  // namespace agentpol::verify::bytecode
