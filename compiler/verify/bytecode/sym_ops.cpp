// sym_ops.cpp — operators of the symbolic executor: equality (entities as
// elements of their sort, whose ids are injective), set keys and the empty
// set, checked int64 arithmetic (a result outside int64 is an error, as in
// runtime/vm/checked.h), set literals and `like` as a regular expression
// (first segment anchored at the start, last at the end: runtime/vm/glob.cpp).
#include "verify/bytecode/sym_exec.h"
#include "verify/expr_encoding.h"

namespace agentpol::verify::bytecode {

z3::expr SymExec::equal(const SymSlot& a, const SymSlot& b) {
  if (a.type != b.type) throw Unsupported("a comparison of two types");
  return a.term == b.term;
}

z3::expr SymExec::keyOf(const SymSlot& v) {
  if (v.type.kind() == Kind::Entity && !v.type.is_set())
    return req_.entityId(static_cast<uint32_t>(map_.entity.at(v.type.param())), v.term);
  return v.term;
}

z3::expr SymExec::emptySet(Type setType) {
  if (!setType.is_set()) throw Unsupported("a set operation on a non-set");
  z3::sort s = sortOf(setType);
  return z3::const_array(s.array_domain(), ctx().bool_val(false));
}

void SymExec::witness(Type setType, const std::function<z3::expr(const z3::expr&)>& holds) {
  z3::sort key = sortOf(setType).array_domain();
  std::string name = "bc.witness!" + std::to_string(witnesses_.size());
  z3::expr w = ctx().constant(name.c_str(), key);
  req_.noteMemberKey(w);
  witnesses_.push_back(holds(w));
}

SymSlot SymExec::arith(Op op, const SymSlot& a, const SymSlot& b, Path& p) {
  auto number = [](Type t) {
    return !t.is_set() && (t.kind() == Kind::Int || t.kind() == Kind::Money || t.kind() == Kind::Duration ||
                            t.kind() == Kind::Time);
  };
  if (!number(a.type) || !number(b.type))
    throw Unsupported("arithmetic on a non-number");
  z3::expr r = ctx().int_val(0);
  Type t = a.type;
  switch (op) {
    case Op::ADD: r = a.term + b.term; break;
    case Op::SUB:
      r = a.term - b.term;
      if (a.type == Type::time() && b.type == Type::time()) t = Type::duration();
      break;
    case Op::MUL:
      if (b.type != Type::integer()) throw Unsupported("MUL by a non-Int constant");
      r = a.term * b.term;
      break;
    case Op::NEG: r = -a.term; break;
    default: throw Unsupported("arithmetic opcode");
  }
  fail(p, !req_.env().inI64(r));
  return SymSlot{r, t};
}

SymSlot SymExec::mkset(const detail::Insn& in, Path& p) {
  Type elem{in.a};
  Type setType = Type::set_of(elem);
  if (p.stack.size() < in.b) throw Unsupported("a stack underflow");
  z3::expr set = emptySet(setType);
  for (size_t i = p.stack.size() - in.b; i < p.stack.size(); ++i) {
    const SymSlot& x = p.stack[i];
    if (x.type != elem) throw Unsupported("a set literal element of another type");
    set = z3::store(set, keyOf(x), ctx().bool_val(true));
  }
  p.stack.erase(p.stack.end() - in.b, p.stack.end());
  return SymSlot{set, setType};
}

z3::expr SymExec::like(const z3::expr& s, uint32_t pattern) {
  if (pattern >= image_.patterns.size()) throw Unsupported("a pattern index out of range");
  const std::vector<std::string>& seg = image_.patterns[pattern].segments;
  if (seg.empty()) throw Unsupported("an empty pattern");
  if (seg.size() == 1) return s == req_.env().str(seg[0]);
  z3::sort ss = ctx().string_sort();
  z3::sort rs = ctx().re_sort(ss);
  z3::expr any = z3::re_full(rs);
  z3::expr re = z3::to_re(req_.env().str(seg[0]));
  for (size_t i = 1; i < seg.size(); ++i) re = z3::concat(re, z3::concat(any, z3::to_re(req_.env().str(seg[i]))));
  return z3::in_re(s, re);
}

}  // namespace agentpol::verify::bytecode
