// interp.cpp — the dispatch loop. Runs blocks the loader verified: types,
// indices, stack room and jump targets are already proven, so the loop only
// checks data (missing attributes, absent optionals, overflow), and any such
// failure ends the block with Eval::Error. It dispatches on Insn::x (fused
// pairs, vm/xop.h). Stack and scratch live on the C stack: no heap allocation.
// One frame runs a whole index span (run_span) or a single block (run_block).
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

// Dispatch: a `switch` in standard C++; with GCC or Clang, threaded code (a
// table of label addresses and one indirect jump at the end of each handler,
// which branch predictors track per handler). Both run the same handlers.
#if (defined(__GNUC__) || defined(__clang__)) && !defined(AGENTPOL_NO_THREADED_DISPATCH)
#define AGENTPOL_THREADED 1
#define VM_CASE(name) \
  case XOp::name:     \
  L_##name:
#define VM_NEXT()                              \
  do {                                         \
    VM_STEP();                                 \
    in = pc++;                                 \
    goto* kTable[static_cast<uint8_t>(in->x)]; \
  } while (0)
#else
#define AGENTPOL_THREADED 0
#define VM_CASE(name) case XOp::name:
#define VM_NEXT() \
  do {            \
    VM_STEP();    \
    continue;     \
  } while (0)
#endif
// The probe sees every move from `in` to `pc` (nothing for NoProbe).
#define VM_STEP() probe.step(in - base, pc - base, stack, sp)
// After an op whose result a following RET would return: return it now.
#define VM_NEXT_OR_RET()                                              \
  do {                                                                \
    if (pc->x == XOp::RET) {                                          \
      VM_STEP();                                                      \
      VM_END(sp[-1].n ? Eval::True : Eval::False);                    \
    }                                                                 \
    VM_NEXT();                                                        \
  } while (0)
#define VM_END(value)                  \
  do {                                 \
    result = (value);                  \
    probe.end(in - base, result);      \
    goto done;                         \
  } while (0)

#if AGENTPOL_THREADED
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"  // labels as values: &&label, goto *p (run() only)
#endif

// Runs `single` and returns its result; or, when single is null, runs the
// blocks of refs[0, n) and appends each matching rule to *hits (returns False).
// Probe: NoProbe for decisions (its calls compile to nothing), or a tracer
// (vm/trace.cpp) watching one block.
template <class Probe>
Eval run(const RuleRef* refs, uint32_t n, const Insn* single, const Env& e, bool permit,
         std::vector<uint32_t>* hits, Probe& probe) {
#if AGENTPOL_THREADED
  static const void* const kTable[] = {
#define AGENTPOL_OPCODE(name, ...) &&L_##name,
#include "bundle/opcodes.def"
#undef AGENTPOL_OPCODE
#define AGENTPOL_FUSED(name) &&L_##name,
      AGENTPOL_FUSED_OPS(AGENTPOL_FUSED)
#undef AGENTPOL_FUSED
  };
#endif
  Val stack[kMaxStack];
  Val scratch[kMaxScratch];
  uint32_t ri = 0;
  Eval result = Eval::False;
  const Insn* base;
  const Insn* pc;
  const Insn* in;
  Val* sp;
  int64_t r = 0;
next_block:
  if (single) base = single;
  else if (ri == n) return Eval::False;
  else base = refs[ri].insns;
  pc = base;
  sp = stack;  // next free slot
  for (;;) {
    in = pc++;
#if AGENTPOL_THREADED
    goto* kTable[static_cast<uint8_t>(in->x)];
#endif
    switch (in->x) {
      VM_CASE(CONST) *sp++ = e.consts[in->a]; VM_NEXT();
      VM_CASE(BOOL) *sp++ = bool_val(in->a != 0); VM_NEXT();
      VM_CASE(NOW) *sp++ = scalar_val(e.now); VM_NEXT();
      VM_CASE(AGENT) *sp++ = scalar_val(e.agent); VM_NEXT();
      VM_CASE(USER)
        if (e.user < 0) VM_END(Eval::Error);
        *sp++ = scalar_val(e.user);
        VM_NEXT();
      VM_CASE(HAS_USER) *sp++ = bool_val(e.user >= 0); VM_NEXT();
      VM_CASE(CTX)
        if (!e.ctx_has[in->a]) VM_END(Eval::Error);
        *sp++ = e.ctx[in->a];
        VM_NEXT();
      VM_CASE(HAS_CTX) *sp++ = bool_val(e.ctx_has[in->a] != 0); VM_NEXT();
      VM_CASE(PARAM) *sp++ = e.params[in->a]; VM_NEXT();
      VM_CASE(ARG)
        if (!e.args_has[in->a]) VM_END(Eval::Error);
        *sp++ = e.args[in->a];
        VM_NEXT();
      VM_CASE(HAS_ARG) *sp++ = bool_val(e.args_has[in->a] != 0); VM_NEXT();
      VM_CASE(ATTR) {
        int64_t s = attr_slot(e, sp[-1], in->b);
        if (s < 0 || !e.attrs_has[s]) VM_END(Eval::Error);
        sp[-1] = e.attrs[s];
        VM_NEXT();
      }
      VM_CASE(HAS_ATTR) {
        int64_t s = attr_slot(e, sp[-1], in->b);
        if (s < 0) VM_END(Eval::Error);
        sp[-1] = bool_val(e.attrs_has[s] != 0);
        VM_NEXT();
      }
      VM_CASE(ID) sp[-1] = e.ents[sp[-1].n].id; VM_NEXT();
      VM_CASE(NOT) sp[-1].n = !sp[-1].n; VM_NEXT();
      VM_CASE(EQ) --sp; sp[-1] = bool_val(val_eq(sp[-1], sp[0])); VM_NEXT_OR_RET();
      VM_CASE(NE) --sp; sp[-1] = bool_val(!val_eq(sp[-1], sp[0])); VM_NEXT_OR_RET();
      VM_CASE(SET_EQ) --sp; sp[-1] = bool_val(set_eq(sp[-1], sp[0])); VM_NEXT();
      VM_CASE(SET_NE) --sp; sp[-1] = bool_val(!set_eq(sp[-1], sp[0])); VM_NEXT();
      VM_CASE(LT) --sp; sp[-1] = bool_val(sp[-1].n < sp[0].n); VM_NEXT_OR_RET();
      VM_CASE(LE) --sp; sp[-1] = bool_val(sp[-1].n <= sp[0].n); VM_NEXT_OR_RET();
      VM_CASE(GT) --sp; sp[-1] = bool_val(sp[-1].n > sp[0].n); VM_NEXT_OR_RET();
      VM_CASE(GE) --sp; sp[-1] = bool_val(sp[-1].n >= sp[0].n); VM_NEXT_OR_RET();
      VM_CASE(ADD)
        --sp;
        if (!checked_add(sp[-1].n, sp[0].n, &r)) VM_END(Eval::Error);
        sp[-1].n = r;
        VM_NEXT();
      VM_CASE(SUB)
        --sp;
        if (!checked_sub(sp[-1].n, sp[0].n, &r)) VM_END(Eval::Error);
        sp[-1].n = r;
        VM_NEXT();
      VM_CASE(MUL)
        if (!checked_mul(sp[-1].n, e.consts[in->a].n, &r)) VM_END(Eval::Error);
        sp[-1].n = r;
        VM_NEXT();
      VM_CASE(NEG)
        if (!checked_neg(sp[-1].n, &r)) VM_END(Eval::Error);
        sp[-1].n = r;
        VM_NEXT();
      VM_CASE(IN) --sp; sp[-1] = bool_val(set_has(sp[0], sp[-1])); VM_NEXT_OR_RET();
      VM_CASE(CONTAINS_ALL) --sp; sp[-1] = bool_val(set_contains_all(sp[-1], sp[0])); VM_NEXT();
      VM_CASE(CONTAINS_ANY) --sp; sp[-1] = bool_val(set_contains_any(sp[-1], sp[0])); VM_NEXT();
      VM_CASE(IS_EMPTY) sp[-1] = bool_val(sp[-1].n == 0); VM_NEXT();
      VM_CASE(MKSET) {
        Val* items = scratch + in->c;
        sp -= in->b;
        for (uint32_t k = 0; k < in->b; ++k) items[k] = sp[k];
        *sp++ = Val{canonical_set(items, in->b), items};
        VM_NEXT();
      }
      VM_CASE(LIKE) {
        const PatternRef& p = e.patterns[in->a];
        const Val& s = sp[-1];
        sp[-1] = bool_val(glob_match(static_cast<const char*>(s.p), static_cast<size_t>(s.n),
                                     e.segments + p.first, p.count));
        VM_NEXT();
      }
      VM_CASE(JMP) pc = base + in->a; VM_NEXT();
      VM_CASE(JF)
        if (!(--sp)->n) pc = base + in->a;
        VM_NEXT();
      VM_CASE(JFK)
        if (!sp[-1].n) {
          pc = base + in->a;
          if (pc->x == XOp::RET) {
            VM_STEP();
            VM_END(Eval::False);
          }
        } else {
          --sp;
        }
        VM_NEXT();
      VM_CASE(JTK)
        if (sp[-1].n) {
          pc = base + in->a;
          if (pc->x == XOp::RET) {
            VM_STEP();
            VM_END(Eval::True);
          }
        } else {
          --sp;
        }
        VM_NEXT();
      VM_CASE(RET) VM_END(sp[-1].n ? Eval::True : Eval::False);
      // ---- fused pairs: the second instruction is skipped
      VM_CASE(PARAM_ATTR) {
        ++pc;
        int64_t s = attr_slot(e, e.params[in->a], in->b);
        if (s < 0 || !e.attrs_has[s]) VM_END(Eval::Error);
        *sp++ = e.attrs[s];
        VM_NEXT();
      }
      VM_CASE(USER_ATTR) {
        ++pc;
        if (e.user < 0) VM_END(Eval::Error);
        int64_t s = attr_slot(e, scalar_val(e.user), in->b);
        if (s < 0 || !e.attrs_has[s]) VM_END(Eval::Error);
        *sp++ = e.attrs[s];
        VM_NEXT();
      }
      VM_CASE(AGENT_ATTR) {
        ++pc;
        int64_t s = attr_slot(e, scalar_val(e.agent), in->b);
        if (s < 0 || !e.attrs_has[s]) VM_END(Eval::Error);
        *sp++ = e.attrs[s];
        VM_NEXT();
      }
      VM_CASE(EQ_K) ++pc; sp[-1] = bool_val(val_eq(sp[-1], e.consts[in->a])); VM_NEXT_OR_RET();
      VM_CASE(NE_K) ++pc; sp[-1] = bool_val(!val_eq(sp[-1], e.consts[in->a])); VM_NEXT_OR_RET();
      VM_CASE(LT_K) ++pc; sp[-1] = bool_val(sp[-1].n < e.consts[in->a].n); VM_NEXT_OR_RET();
      VM_CASE(LE_K) ++pc; sp[-1] = bool_val(sp[-1].n <= e.consts[in->a].n); VM_NEXT_OR_RET();
      VM_CASE(GT_K) ++pc; sp[-1] = bool_val(sp[-1].n > e.consts[in->a].n); VM_NEXT_OR_RET();
      VM_CASE(GE_K) ++pc; sp[-1] = bool_val(sp[-1].n >= e.consts[in->a].n); VM_NEXT_OR_RET();
      VM_CASE(IN_K) ++pc; sp[-1] = bool_val(set_has(e.consts[in->a], sp[-1])); VM_NEXT_OR_RET();
    }
  }
done:
  if (single) return result;
  if (permit ? result == Eval::True : result != Eval::False) hits->push_back(refs[ri].rule);
  ++ri;
  goto next_block;
}

#if AGENTPOL_THREADED
#pragma GCC diagnostic pop
#endif

struct NoProbe {
  void step(ptrdiff_t, ptrdiff_t, const Val*, const Val*) {}
  void end(ptrdiff_t, Eval) {}
};

}  // namespace

Eval run_block(const CodeBlock& code, const Env& e) {
  NoProbe p;
  return run(nullptr, 0, code.insns.data(), e, false, nullptr, p);
}

void run_span(const BundleData& b, const Span& s, const Env& e, bool permit, std::vector<uint32_t>* hits) {
  NoProbe p;
  run(b.refs.data() + s.begin, s.end - s.begin, nullptr, e, permit, hits, p);
}

Eval run_traced(const CodeBlock& code, const Env& e, BlockProbe& probe) {
  return run(nullptr, 0, code.insns.data(), e, false, nullptr, probe);
}

}  // namespace detail
}  // namespace agentpol
