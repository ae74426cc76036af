// code_verify.cpp — loader stage 3b: abstract interpretation of a decoded
// block over types for one action. Jumps only go forward, so one pass in
// order sees every predecessor of an instruction before the instruction;
// stack shapes must agree at joins. Stacks are persistent lists (shared
// tails), so memory stays linear in code size. Entry: verify_block().
#include "loader/bundle_data.h"

namespace agentpol {
namespace detail {
namespace {

constexpr int32_t kEmpty = -1, kNoState = -2;

struct Node {
  Type t;
  int32_t below;
  uint32_t depth;
};

class Verifier {
 public:
  Verifier(const BundleImage& im, CodeBlock& b, uint32_t action)
      : im_(im), b_(b), act_(im.actions[action]), pend_(b.insns.size(), kNoState) {}
  bool run(std::string* error);

 private:
  bool fail(const char* why) { why_ = why; return false; }
  uint32_t depth(int32_t s) const { return s < 0 ? 0 : nodes_[static_cast<size_t>(s)].depth; }
  bool push(Type t);
  bool pop(Type* t);
  bool pop_is(Type want) { Type t; return pop(&t) && (t == want || fail("operand of the wrong type")); }
  bool same(int32_t a, int32_t b) const;
  bool join(uint32_t target, int32_t state);
  bool step(const Insn& in);
  bool step_typed(const Insn& in);
  bool step_value(const Insn& in, const OpInfo& info);
  bool step_arith(TypeRule rule);
  bool step_sets(const Insn& in, TypeRule rule);
  bool step_control(const Insn& in, TypeRule rule);

  const BundleImage& im_;
  CodeBlock& b_;
  const ActionImage& act_;
  std::vector<int32_t> pend_;
  std::vector<Node> nodes_;
  int32_t cur_ = kEmpty;
  bool live_ = true;  // control falls through into the next instruction
  uint32_t high_ = 0, scratch_ = 0;
  const char* why_ = "";
};

bool Verifier::push(Type t) {
  uint32_t d = depth(cur_) + 1;
  if (d > kMaxStack) return fail("stack overflow (more than kMaxStack values)");
  nodes_.push_back({t, cur_, d});
  cur_ = static_cast<int32_t>(nodes_.size() - 1);
  if (d > high_) high_ = d;
  return true;
}

bool Verifier::pop(Type* t) {
  if (cur_ < 0) return fail("stack underflow");
  *t = nodes_[static_cast<size_t>(cur_)].t;
  cur_ = nodes_[static_cast<size_t>(cur_)].below;
  return true;
}

bool Verifier::same(int32_t a, int32_t b) const {
  if (depth(a) != depth(b)) return false;
  while (a != b) {
    const Node& x = nodes_[static_cast<size_t>(a)];
    const Node& y = nodes_[static_cast<size_t>(b)];
    if (x.t != y.t) return false;
    a = x.below;
    b = y.below;
  }
  return true;
}

bool Verifier::join(uint32_t target, int32_t state) {
  int32_t& p = pend_[target];
  if (p == kNoState) { p = state; return true; }
  return same(p, state) || fail("stack shapes differ where jumps join");
}

bool is_num(Type t) {
  Kind k = t.kind();
  return !t.is_set() && (k == Kind::Int || k == Kind::Money || k == Kind::Duration || k == Kind::Time);
}
bool is_scalable(Type t) {
  Kind k = t.kind();
  return !t.is_set() && (k == Kind::Int || k == Kind::Money || k == Kind::Duration);
}

bool Verifier::step_value(const Insn& in, const OpInfo& info) {
  Type t;
  switch (info.rule) {
    case TypeRule::Const: return push(im_.constants[in.a].type);
    case TypeRule::BoolImm:
    case TypeRule::HasUser:
    case TypeRule::HasCtx: return push(Type::boolean());
    case TypeRule::Now: return push(Type::time());
    case TypeRule::Agent: return im_.agent_type ? push(Type::entity(*im_.agent_type)) : fail("no Agent entity type");
    case TypeRule::User: return im_.user_type ? push(Type::entity(*im_.user_type)) : fail("no User entity type");
    case TypeRule::Ctx: return push(im_.context[in.a].type);
    case TypeRule::Param: return in.a < act_.params.size() ? push(act_.params[in.a].type) : fail("parameter out of range");
    case TypeRule::Arg: return in.a < act_.args.size() ? push(act_.args[in.a].type) : fail("argument out of range");
    case TypeRule::HasArg: return in.a < act_.args.size() ? push(Type::boolean()) : fail("argument out of range");
    case TypeRule::Attr:
      return pop_is(Type::entity(in.a)) && push(im_.entity_types[in.a].attrs[in.b].type);
    case TypeRule::HasAttr: return pop_is(Type::entity(in.a)) && push(Type::boolean());
    case TypeRule::Id:
      return pop(&t) && (t.kind() == Kind::Entity && !t.is_set() ? push(Type::string()) : fail("ID of a non-entity"));
    case TypeRule::Not: return pop_is(Type::boolean()) && push(Type::boolean());
    case TypeRule::Like: return pop_is(Type::string()) && push(Type::boolean());
    default: return fail("internal: unhandled typing rule");
  }
}

bool Verifier::step_arith(TypeRule rule) {
  Type a, b;
  if (rule == TypeRule::Mul || rule == TypeRule::Neg) {
    if (!pop(&a)) return false;
    return is_scalable(a) ? push(a) : fail("operand is not Int, Money or Duration");
  }
  if (!pop(&b) || !pop(&a)) return false;
  switch (rule) {
    case TypeRule::Eq: return a == b && !a.is_set() ? push(Type::boolean()) : fail("EQ operands differ or are sets");
    case TypeRule::SetEq: return a == b && a.is_set() ? push(Type::boolean()) : fail("SET_EQ operands differ or are not sets");
    case TypeRule::Cmp: return a == b && is_num(a) ? push(Type::boolean()) : fail("comparison of unordered or different types");
    default: break;
  }
  bool sub = rule == TypeRule::Sub;
  if (a == b && is_scalable(a)) return push(a);
  if (a == Type::time() && b == Type::duration()) return push(Type::time());
  if (sub && a == Type::time() && b == Type::time()) return push(Type::duration());
  return fail("arithmetic on unsupported types");
}

bool Verifier::step_sets(const Insn& in, TypeRule rule) {
  Type s, x;
  switch (rule) {
    case TypeRule::In:
      if (!pop(&s) || !pop(&x)) return false;
      return s.is_set() && s.element() == x ? push(Type::boolean()) : fail("IN element and set types differ");
    case TypeRule::SetSet:
      if (!pop(&x) || !pop(&s)) return false;
      return s == x && s.is_set() ? push(Type::boolean()) : fail("set operands differ or are not sets");
    case TypeRule::IsEmpty:
      return pop(&s) && (s.is_set() ? push(Type::boolean()) : fail("IS_EMPTY of a non-set"));
    case TypeRule::MkSet:
      for (uint32_t i = 0; i < in.b; ++i) if (!pop_is(Type{in.a})) return false;
      if (in.b > kMaxScratch - scratch_) return fail("set literals exceed the scratch area");
      b_.insns[static_cast<size_t>(&in - b_.insns.data())].c = scratch_;
      scratch_ += in.b;
      return push(Type::set_of(Type{in.a}));
    default: return fail("internal: unhandled typing rule");
  }
}

bool Verifier::step_control(const Insn& in, TypeRule rule) {
  Type t;
  switch (rule) {
    case TypeRule::Jmp: live_ = false; return join(in.a, cur_);
    case TypeRule::Jf: return pop_is(Type::boolean()) && join(in.a, cur_);
    case TypeRule::JKeep:
      if (cur_ < 0 || nodes_[static_cast<size_t>(cur_)].t != Type::boolean()) return fail("conditional jump without a Bool");
      return join(in.a, cur_) && pop(&t);
    case TypeRule::Ret:
      live_ = false;
      return pop_is(Type::boolean()) && (cur_ == kEmpty || fail("RET leaves values on the stack"));
    default: return fail("internal: unhandled typing rule");
  }
}

// The table's stack effect bounds the step; the typing rule then checks the
// operands' types, and must leave exactly the depth the table says.
bool Verifier::step(const Insn& in) {
  StackEffect e = stack_effect(in.op, in.b);
  uint32_t before = depth(cur_);
  if (before < e.pop) return fail("stack underflow");
  if (!step_typed(in)) return false;
  return depth(cur_) == before - e.pop + e.push || fail("internal: typing rule and opcodes.def disagree on the stack effect");
}

bool Verifier::step_typed(const Insn& in) {
  const OpInfo& info = op_info(in.op);
  switch (info.rule) {
    case TypeRule::Eq: case TypeRule::SetEq: case TypeRule::Cmp: case TypeRule::Add:
    case TypeRule::Sub: case TypeRule::Mul: case TypeRule::Neg:
      if (info.rule == TypeRule::Mul && im_.constants[in.a].type != Type::integer())
        return fail("MUL by a non-Int constant");
      return step_arith(info.rule);
    case TypeRule::In: case TypeRule::SetSet: case TypeRule::IsEmpty: case TypeRule::MkSet:
      return step_sets(in, info.rule);
    case TypeRule::Jmp: case TypeRule::Jf: case TypeRule::JKeep: case TypeRule::Ret:
      return step_control(in, info.rule);
    default:
      return step_value(in, info);
  }
}

bool Verifier::run(std::string* error) {
  for (size_t i = 0; i < b_.insns.size(); ++i) {
    int32_t in = live_ ? cur_ : kNoState;
    if (pend_[i] != kNoState) {
      if (in != kNoState && !same(in, pend_[i])) why_ = "stack shapes differ where jumps join";
      else in = pend_[i];
    }
    if (*why_ == '\0' && in == kNoState) why_ = "unreachable instruction";
    if (*why_ == '\0') { cur_ = in; live_ = true; step(b_.insns[i]); }
    if (*why_ != '\0') {
      *error = "code offset " + std::to_string(b_.offsets[i]) + " (" + op_info(b_.insns[i].op).name + "): " + why_;
      return false;
    }
  }
  if (high_ > b_.max_stack) b_.max_stack = high_;
  b_.scratch = scratch_;
  return true;
}

}  // namespace

bool verify_block(const BundleImage& im, CodeBlock* block, uint32_t action, std::string* error) {
  Verifier v(im, *block, action);
  return v.run(error);
}

}  // namespace detail
}  // namespace agentpol
