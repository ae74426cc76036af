// prop_abstraction.cpp — replaces every maximal non-connective Boolean
// subterm by a fresh Boolean (one per simplified atom) and asks a plain
// solver about the Boolean skeleton.
#include "verify/bytecode/prop_abstraction.h"

#include <map>

namespace agentpol::verify::bytecode {
namespace {

class Abstractor {
 public:
  explicit Abstractor(z3::context& c) : c_(c) {}

  z3::expr walk(const z3::expr& e) {
    auto it = memo_.find(e.id());
    if (it != memo_.end()) return it->second;
    z3::expr out = connective(e) ? rebuild(e) : atom(e);
    memo_.emplace(e.id(), out);
    return out;
  }

 private:
  static bool boolArgs(const z3::expr& e) {
    for (unsigned i = 0; i < e.num_args(); ++i)
      if (!e.arg(i).is_bool()) return false;
    return true;
  }

  static bool connective(const z3::expr& e) {
    if (!e.is_app()) return false;
    switch (e.decl().decl_kind()) {
      case Z3_OP_TRUE: case Z3_OP_FALSE: case Z3_OP_AND: case Z3_OP_OR: case Z3_OP_NOT:
      case Z3_OP_IMPLIES: case Z3_OP_XOR: case Z3_OP_IFF:
        return true;
      case Z3_OP_EQ: case Z3_OP_DISTINCT: return boolArgs(e);
      case Z3_OP_ITE: return e.is_bool();
      default: return false;
    }
  }

  z3::expr rebuild(const z3::expr& e) {
    z3::expr_vector args(c_);
    for (unsigned i = 0; i < e.num_args(); ++i) args.push_back(walk(e.arg(i)));
    return e.decl()(args);
  }

  z3::expr atom(const z3::expr& e) {
    z3::expr key = e.simplify();
    if (key.is_true() || key.is_false()) return key;
    auto it = atoms_.find(key.id());
    if (it != atoms_.end()) return it->second;
    z3::expr v = c_.bool_const(("atom!" + std::to_string(atoms_.size())).c_str());
    atoms_.emplace(key.id(), v);
    keep_.push_back(key);  // keep the key's AST (and its id) alive
    return v;
  }

  z3::context& c_;
  std::map<unsigned, z3::expr> memo_, atoms_;
  std::vector<z3::expr> keep_;
};

}  // namespace

bool propositionallyUnsat(const z3::expr& f, unsigned timeoutMs) {
  z3::context& c = f.ctx();
  Abstractor a(c);
  z3::solver s(c);
  z3::params p(c);
  p.set("timeout", timeoutMs);
  s.set(p);
  s.add(a.walk(f));
  return s.check() == z3::unsat;
}

}  // namespace agentpol::verify::bytecode
