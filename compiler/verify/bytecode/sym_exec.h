// sym_exec.h — symbolic execution of one loaded, verified code block over a
// RequestEncoding, instruction by instruction with the VM's semantics
// (runtime/vm/interp.cpp): loads read the source encoding's symbols through
// the SchemaMap, checked arithmetic errs outside int64, `like` is a regex,
// MKSET builds a finite set. The code is loop-free with forward jumps only,
// so instructions are visited once in order and paths merge with `ite` where
// jumps join. Anything it cannot model throws Unsupported. Entry: SymExec::run.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <z3++.h>

#include "loader/bundle_data.h"
#include "verify/bytecode/schema_map.h"
#include "verify/request_encoding.h"

namespace agentpol::verify::bytecode {

// What a block returns: `returnsTrue` (RET with true, no error on the way)
// and `error` (it ended with ERROR). At most one holds; neither = false.
struct BlockTerms {
  z3::expr returnsTrue;
  z3::expr error;
};

// One value on the symbolic stack: a Z3 term of the sort the source
// encoding uses for values of that run-time type.
struct SymSlot {
  z3::expr term;
  Type type;
};

class SymExec {
 public:
  // `bundleAction`: the action (bundle index) the block runs for; `req` the
  // encoding of the same action. Facts about optional records go to `facts`.
  // Witness definitions (see witness()) go to `witnesses`.
  SymExec(const detail::BundleData& bundle, const SchemaMap& map, RequestEncoding& req, uint32_t bundleAction,
          std::vector<z3::expr>& facts, std::vector<z3::expr>& witnesses);

  BlockTerms run(const detail::CodeBlock& block);

 private:
  struct Path {
    z3::expr cond;                // how execution gets here
    std::vector<SymSlot> stack;
  };

  Path merge(std::vector<Path>& in);
  // Executes instruction `i` on `p`; successors go to `next_`.
  void step(uint32_t i, const detail::Insn& in, Path& p);
  void fail(Path& p, const z3::expr& error);  // the block may end with ERROR here
  void jump(uint32_t target, const Path& p);
  SymSlot pop(Path& p);

  // Loads (sym_loads.cpp).
  SymSlot load(const detail::Insn& in, Path& p);
  z3::expr presence(const detail::Insn& in, Path& p);
  SymSlot constant(uint32_t k);
  z3::expr constantElement(Type elem, const ConstImage& c, size_t i);

  // Operators (sym_ops.cpp).
  z3::expr equal(const SymSlot& a, const SymSlot& b);
  z3::expr keyOf(const SymSlot& v);
  z3::expr emptySet(Type setType);
  // A fresh element of the key sort of `setType`, recorded as a membership
  // key, with the fact `holds` about it: it names the element that makes a
  // set non-empty or two sets differ, so counterexamples keep such elements.
  void witness(Type setType, const std::function<z3::expr(const z3::expr&)>& holds);
  SymSlot arith(Op op, const SymSlot& a, const SymSlot& b, Path& p);
  SymSlot mkset(const detail::Insn& in, Path& p);
  z3::expr like(const z3::expr& s, uint32_t pattern);
  z3::sort sortOf(Type t);
  const sema::Type* semaType(Type t);

  z3::context& ctx() { return req_.env().ctx(); }

  const detail::BundleData& bundle_;
  const BundleImage& image_;
  const SchemaMap& map_;
  RequestEncoding& req_;
  uint32_t action_;  // bundle action
  std::vector<z3::expr>& facts_;
  std::vector<z3::expr>& witnesses_;
  std::vector<std::vector<Path>> next_;  // incoming paths per instruction
  z3::expr error_;
  z3::expr returns_;
  uint32_t cur_ = 0;  // the instruction being executed
};

}  // namespace agentpol::verify::bytecode
