// interp.cpp — the dispatch loop. Runs a block the loader verified: types,
// indices, stack room and jump targets are already proven, so the loop only
// checks data (missing attributes, absent optionals, overflow), and any such
// failure ends the block with Eval::Error. Stack and scratch live on the C
// stack: no heap allocation.
#include "vm/checked.h"
#include "vm/interp.h"

namespace agentpol {
namespace detail {

namespace {

inline Val bool_val(bool b) { return Val{b ? 1 : 0, nullptr}; }

// Attribute slot index of entity `ent`, or -1 when its attrs were not given.
inline int64_t attr_slot(const Env& e, const Val& ent, uint32_t slot) {
  const EntityRow& row = e.ents[ent.n];
  return row.has_attrs ? static_cast<int64_t>(row.attr_off) + slot : -1;
}

}  // namespace

Eval run_block(const CodeBlock& code, const Env& e) {
  Val stack[kMaxStack];
  Val scratch[kMaxScratch];
  Val* sp = stack;  // next free slot
  const Insn* base = code.insns.data();
  const Insn* pc = base;
  int64_t r = 0;
  for (;;) {
    const Insn& in = *pc++;
    switch (in.op) {
      case Op::CONST: *sp++ = e.consts[in.a]; break;
      case Op::BOOL: *sp++ = bool_val(in.a != 0); break;
      case Op::NOW: *sp++ = scalar_val(e.now); break;
      case Op::AGENT: *sp++ = scalar_val(e.agent); break;
      case Op::USER:
        if (e.user < 0) return Eval::Error;
        *sp++ = scalar_val(e.user);
        break;
      case Op::HAS_USER: *sp++ = bool_val(e.user >= 0); break;
      case Op::CTX:
        if (!e.ctx_has[in.a]) return Eval::Error;
        *sp++ = e.ctx[in.a];
        break;
      case Op::HAS_CTX: *sp++ = bool_val(e.ctx_has[in.a] != 0); break;
      case Op::PARAM: *sp++ = e.params[in.a]; break;
      case Op::ARG:
        if (!e.args_has[in.a]) return Eval::Error;
        *sp++ = e.args[in.a];
        break;
      case Op::HAS_ARG: *sp++ = bool_val(e.args_has[in.a] != 0); break;
      case Op::ATTR: {
        int64_t s = attr_slot(e, sp[-1], in.b);
        if (s < 0 || !e.attrs_has[s]) return Eval::Error;
        sp[-1] = e.attrs[s];
        break;
      }
      case Op::HAS_ATTR: {
        int64_t s = attr_slot(e, sp[-1], in.b);
        if (s < 0) return Eval::Error;
        sp[-1] = bool_val(e.attrs_has[s] != 0);
        break;
      }
      case Op::ID: sp[-1] = e.ents[sp[-1].n].id; break;
      case Op::NOT: sp[-1].n = !sp[-1].n; break;
      case Op::EQ: --sp; sp[-1] = bool_val(val_eq(sp[-1], sp[0])); break;
      case Op::NE: --sp; sp[-1] = bool_val(!val_eq(sp[-1], sp[0])); break;
      case Op::SET_EQ: --sp; sp[-1] = bool_val(set_eq(sp[-1], sp[0])); break;
      case Op::SET_NE: --sp; sp[-1] = bool_val(!set_eq(sp[-1], sp[0])); break;
      case Op::LT: --sp; sp[-1] = bool_val(sp[-1].n < sp[0].n); break;
      case Op::LE: --sp; sp[-1] = bool_val(sp[-1].n <= sp[0].n); break;
      case Op::GT: --sp; sp[-1] = bool_val(sp[-1].n > sp[0].n); break;
      case Op::GE: --sp; sp[-1] = bool_val(sp[-1].n >= sp[0].n); break;
      case Op::ADD:
        --sp;
        if (!checked_add(sp[-1].n, sp[0].n, &r)) return Eval::Error;
        sp[-1].n = r;
        break;
      case Op::SUB:
        --sp;
        if (!checked_sub(sp[-1].n, sp[0].n, &r)) return Eval::Error;
        sp[-1].n = r;
        break;
      case Op::MUL:
        if (!checked_mul(sp[-1].n, e.consts[in.a].n, &r)) return Eval::Error;
        sp[-1].n = r;
        break;
      case Op::NEG:
        if (!checked_neg(sp[-1].n, &r)) return Eval::Error;
        sp[-1].n = r;
        break;
      case Op::IN: --sp; sp[-1] = bool_val(set_has(sp[0], sp[-1])); break;
      case Op::CONTAINS_ALL: --sp; sp[-1] = bool_val(set_contains_all(sp[-1], sp[0])); break;
      case Op::CONTAINS_ANY: --sp; sp[-1] = bool_val(set_contains_any(sp[-1], sp[0])); break;
      case Op::IS_EMPTY: sp[-1] = bool_val(sp[-1].n == 0); break;
      case Op::MKSET: {
        Val* items = scratch + in.c;
        sp -= in.b;
        for (uint32_t i = 0; i < in.b; ++i) items[i] = sp[i];
        *sp++ = Val{static_cast<int64_t>(in.b), items};
        break;
      }
      case Op::LIKE: {
        const PatternRef& p = e.patterns[in.a];
        const Val& s = sp[-1];
        sp[-1] = bool_val(glob_match(static_cast<const char*>(s.p), static_cast<size_t>(s.n),
                                     e.segments + p.first, p.count));
        break;
      }
      case Op::JMP: pc = base + in.a; break;
      case Op::JF:
        if (!(--sp)->n) pc = base + in.a;
        break;
      case Op::JFK:
        if (!sp[-1].n) pc = base + in.a;
        else --sp;
        break;
      case Op::JTK:
        if (sp[-1].n) pc = base + in.a;
        else --sp;
        break;
      case Op::RET: return sp[-1].n ? Eval::True : Eval::False;
    }
  }
}

}  // namespace detail
}  // namespace agentpol
