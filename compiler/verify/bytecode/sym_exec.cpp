// sym_exec.cpp — the control part of the symbolic executor: one pass over the
// instructions in order (forward jumps only, so every predecessor of an
// instruction has run before it), paths merged at join points with `ite`,
// errors collected as "some path reaches an erring instruction and its error
// condition holds". Dispatch mirrors runtime/vm/interp.cpp case by case.
#include "verify/bytecode/sym_exec.h"

#include "verify/expr_encoding.h"

namespace agentpol::verify::bytecode {

SymExec::SymExec(const detail::BundleData& bundle, const SchemaMap& map, RequestEncoding& req, uint32_t bundleAction,
                 std::vector<z3::expr>& facts, std::vector<z3::expr>& witnesses)
    : bundle_(bundle),
      image_(bundle.image),
      map_(map),
      req_(req),
      action_(bundleAction),
      facts_(facts),
      witnesses_(witnesses),
      error_(req.env().ctx().bool_val(false)),
      returns_(req.env().ctx().bool_val(false)) {}

BlockTerms SymExec::run(const detail::CodeBlock& block) {
  const size_t n = block.insns.size();
  next_.assign(n + 1, {});
  error_ = ctx().bool_val(false);
  returns_ = ctx().bool_val(false);
  next_[0].push_back(Path{ctx().bool_val(true), {}});
  for (uint32_t i = 0; i < n; ++i) {
    if (next_[i].empty()) continue;
    cur_ = i;
    Path p = merge(next_[i]);
    next_[i].clear();
    step(i, block.insns[i], p);
  }
  if (!next_[n].empty()) throw Unsupported("a block that runs past its end");
  // Not simplified: Z3's rewriter would turn shared atoms (e.g. a `like`
  // regex) into other forms than the source encoding's, see prop_abstraction.h.
  return BlockTerms{returns_, error_};
}

SymExec::Path SymExec::merge(std::vector<Path>& in) {
  if (in.size() == 1) return in[0];
  Path out{in[0].cond, in[0].stack};
  for (size_t k = 1; k < in.size(); ++k) {
    const Path& q = in[k];
    if (q.stack.size() != out.stack.size()) throw Unsupported("paths that join with different stack heights");
    for (size_t j = 0; j < out.stack.size(); ++j) {
      if (q.stack[j].type != out.stack[j].type) throw Unsupported("paths that join with different stack types");
      // `out` so far stands for the paths before k: pick q's value when q was taken.
      if (!z3::eq(q.stack[j].term, out.stack[j].term))
        out.stack[j].term = z3::ite(q.cond, q.stack[j].term, out.stack[j].term);
    }
    out.cond = out.cond || q.cond;
  }
  return out;
}

void SymExec::fail(Path& p, const z3::expr& error) {
  error_ = error_ || (p.cond && error);
  p.cond = p.cond && !error;
}

void SymExec::jump(uint32_t target, const Path& p) {
  if (target <= cur_ || target + 1 >= next_.size()) throw Unsupported("a jump that is not forward within the block");
  next_[target].push_back(p);
}

SymSlot SymExec::pop(Path& p) {
  if (p.stack.empty()) throw Unsupported("a stack underflow");
  SymSlot v = p.stack.back();
  p.stack.pop_back();
  return v;
}

void SymExec::step(uint32_t i, const detail::Insn& in, Path& p) {
  // The stack effect is opcodes.def's; the cases below only give the values.
  const StackEffect effect = stack_effect(in.op, in.b);
  if (p.stack.size() < effect.pop) throw Unsupported("a stack underflow");
  const size_t depthAfter = p.stack.size() - effect.pop + effect.push;
  auto boolean = [&](const z3::expr& e) { p.stack.push_back(SymSlot{e, Type::boolean()}); };
  switch (in.op) {
    case Op::CONST: p.stack.push_back(constant(in.a)); break;
    case Op::BOOL: boolean(ctx().bool_val(in.a != 0)); break;
    case Op::NOW: case Op::AGENT: case Op::USER: case Op::CTX: case Op::PARAM: case Op::ARG:
    case Op::ATTR: case Op::ID: {
      SymSlot v = load(in, p);
      p.stack.push_back(v);
      break;
    }
    case Op::HAS_USER: case Op::HAS_CTX: case Op::HAS_ARG: case Op::HAS_ATTR: {
      z3::expr v = presence(in, p);
      boolean(v);
      break;
    }
    case Op::NOT: boolean(!pop(p).term); break;
    case Op::EQ: case Op::NE: case Op::SET_EQ: case Op::SET_NE: {
      SymSlot b = pop(p), a = pop(p);
      z3::expr eq = equal(a, b);
      if (a.type.is_set())
        witness(a.type, [&](const z3::expr& w) { return eq || z3::select(a.term, w) != z3::select(b.term, w); });
      boolean(in.op == Op::EQ || in.op == Op::SET_EQ ? eq : !eq);
      break;
    }
    case Op::LT: case Op::LE: case Op::GT: case Op::GE: {
      SymSlot b = pop(p), a = pop(p);
      boolean(in.op == Op::LT ? a.term < b.term : in.op == Op::LE ? a.term <= b.term
                                                  : in.op == Op::GT ? a.term > b.term : a.term >= b.term);
      break;
    }
    case Op::ADD: case Op::SUB: {
      SymSlot b = pop(p), a = pop(p);
      p.stack.push_back(arith(in.op, a, b, p));
      break;
    }
    case Op::MUL: {
      SymSlot a = pop(p);
      p.stack.push_back(arith(in.op, a, constant(in.a), p));
      break;
    }
    case Op::NEG: {
      SymSlot a = pop(p);
      p.stack.push_back(arith(in.op, a, a, p));
      break;
    }
    case Op::IN: {
      SymSlot s = pop(p), x = pop(p);
      z3::expr key = keyOf(x);
      req_.noteMemberKey(key);
      boolean(z3::select(s.term, key));
      break;
    }
    case Op::CONTAINS_ALL: {
      SymSlot t = pop(p), s = pop(p);
      z3::expr all = z3::set_subset(t.term, s.term);
      witness(s.type, [&](const z3::expr& w) { return all || (z3::select(t.term, w) && !z3::select(s.term, w)); });
      boolean(all);
      break;
    }
    case Op::CONTAINS_ANY: {
      SymSlot t = pop(p), s = pop(p);
      z3::expr any = z3::set_intersect(s.term, t.term) != emptySet(s.type);
      witness(s.type, [&](const z3::expr& w) { return !any || (z3::select(s.term, w) && z3::select(t.term, w)); });
      boolean(any);
      break;
    }
    case Op::IS_EMPTY: {
      SymSlot s = pop(p);
      z3::expr empty = s.term == emptySet(s.type);
      witness(s.type, [&](const z3::expr& w) { return empty || z3::select(s.term, w); });
      boolean(empty);
      break;
    }
    case Op::MKSET: p.stack.push_back(mkset(in, p)); break;
    case Op::LIKE: {
      SymSlot s = pop(p);
      boolean(like(s.term, in.a));
      break;
    }
    case Op::JMP: jump(in.a, p); return;
    case Op::JF: {
      z3::expr v = pop(p).term;
      jump(in.a, Path{p.cond && !v, p.stack});
      p.cond = p.cond && v;
      break;
    }
    case Op::JFK: case Op::JTK: {
      if (p.stack.empty()) throw Unsupported("a stack underflow");
      z3::expr top = p.stack.back().term;
      z3::expr jumps = in.op == Op::JFK ? !top : top;
      jump(in.a, Path{p.cond && jumps, p.stack});
      p.stack.pop_back();
      p.cond = p.cond && !jumps;
      break;
    }
    case Op::RET: {
      SymSlot v = pop(p);
      if (!p.stack.empty()) throw Unsupported("RET with more than one value on the stack");
      returns_ = returns_ || (p.cond && v.term);
      return;
    }
    default: throw Unsupported("opcode " + std::to_string(static_cast<int>(in.op)));
  }
  if (p.stack.size() != depthAfter) throw Unsupported("a stack effect other than opcodes.def's");
  next_[i + 1].push_back(p);
}

}  // namespace agentpol::verify::bytecode
