// emit.cpp — IR -> bytecode. Values are pushed operands-first; And/Or use the
// keep-on-jump ops (JFK/JTK), If uses JF + JMP, and every block ends in RET.
// Tracks stack depth as the loader will (jumps join with equal shapes).
#include "codegen/emit.h"

#include <algorithm>

#include "bundle/code_writer.h"

namespace agentpol::codegen {

uint32_t Pools::constant(const ConstImage& k) {
  auto it = std::find(image.constants.begin(), image.constants.end(), k);
  if (it != image.constants.end()) return static_cast<uint32_t>(it - image.constants.begin());
  image.constants.push_back(k);
  return static_cast<uint32_t>(image.constants.size() - 1);
}

uint32_t Pools::pattern(const std::vector<std::string>& segments) {
  PatternImage p{segments};
  auto it = std::find(image.patterns.begin(), image.patterns.end(), p);
  if (it != image.patterns.end()) return static_cast<uint32_t>(it - image.patterns.begin());
  image.patterns.push_back(std::move(p));
  return static_cast<uint32_t>(image.patterns.size() - 1);
}

namespace {

class Emitter {
 public:
  explicit Emitter(Pools& pools) : pools_(pools) {}
  EmittedBlock run(const ir::NodeRef& cond);

 private:
  void push(uint32_t n = 1) { depth_ += n; maxDepth_ = std::max(maxDepth_, depth_); }
  void pop(uint32_t n = 1) { depth_ -= n; }
  void node(const ir::Node& n);
  void kids(const ir::Node& n) { for (const ir::NodeRef& k : n.kids) node(*k); }
  void binary(Op op, const ir::Node& n) { kids(n); w_.op(op); pop(); }
  void shortCircuit(Op jump, const ir::Node& n);
  void ifElse(const ir::Node& n);
  void simple(const ir::Node& n);

  Pools& pools_;
  CodeWriter w_;
  uint32_t depth_ = 0, maxDepth_ = 0, scratch_ = 0;
};

void Emitter::shortCircuit(Op jump, const ir::Node& n) {
  CodeWriter::Label done = w_.label();
  node(*n.kids[0]);
  w_.jump(jump, done);
  pop();
  node(*n.kids[1]);
  w_.bind(done);
}

void Emitter::ifElse(const ir::Node& n) {
  CodeWriter::Label other = w_.label(), done = w_.label();
  node(*n.kids[0]);
  w_.jump(Op::JF, other);
  pop();
  node(*n.kids[1]);
  w_.jump(Op::JMP, done);
  pop();
  w_.bind(other);
  node(*n.kids[2]);
  w_.bind(done);
}

void Emitter::node(const ir::Node& n) {
  using IO = ir::Op;
  switch (n.op) {
    case IO::And: return shortCircuit(Op::JFK, n);
    case IO::Or: return shortCircuit(Op::JTK, n);
    case IO::If: return ifElse(n);
    case IO::Eq: return binary(n.kids[0]->type.is_set() ? Op::SET_EQ : Op::EQ, n);
    case IO::Ne: return binary(n.kids[0]->type.is_set() ? Op::SET_NE : Op::NE, n);
    case IO::Lt: return binary(Op::LT, n);
    case IO::Le: return binary(Op::LE, n);
    case IO::Gt: return binary(Op::GT, n);
    case IO::Ge: return binary(Op::GE, n);
    case IO::Add: return binary(Op::ADD, n);
    case IO::Sub: return binary(Op::SUB, n);
    case IO::In: return binary(Op::IN, n);
    case IO::ContainsAll: return binary(Op::CONTAINS_ALL, n);
    case IO::ContainsAny: return binary(Op::CONTAINS_ANY, n);
    case IO::MakeSet:
      kids(n);
      w_.op(Op::MKSET, n.a, n.b);
      pop(n.b);
      push();
      scratch_ += n.b;
      return;
    default: return simple(n);
  }
}

// Loads and one-operand ops: operands first, then one instruction.
void Emitter::simple(const ir::Node& n) {
  using IO = ir::Op;
  kids(n);
  pop(static_cast<uint32_t>(n.kids.size()));
  push();
  switch (n.op) {
    case IO::Const:
      if (n.type == Type::boolean()) w_.op(Op::BOOL, static_cast<uint32_t>(n.k.ints[0]));
      else w_.op(Op::CONST, pools_.constant(n.k));
      return;
    case IO::Now: w_.op(Op::NOW); return;
    case IO::Agent: w_.op(Op::AGENT); return;
    case IO::User: w_.op(Op::USER); return;
    case IO::HasUser: w_.op(Op::HAS_USER); return;
    case IO::Ctx: w_.op(Op::CTX, n.a); return;
    case IO::HasCtx: w_.op(Op::HAS_CTX, n.a); return;
    case IO::Param: w_.op(Op::PARAM, n.a); return;
    case IO::Arg: w_.op(Op::ARG, n.a); return;
    case IO::HasArg: w_.op(Op::HAS_ARG, n.a); return;
    case IO::Attr: w_.op(Op::ATTR, n.a, n.b); return;
    case IO::HasAttr: w_.op(Op::HAS_ATTR, n.a, n.b); return;
    case IO::Id: w_.op(Op::ID); return;
    case IO::Not: w_.op(Op::NOT); return;
    case IO::Neg: w_.op(Op::NEG); return;
    case IO::Mul: w_.op(Op::MUL, pools_.constant(n.k)); return;
    case IO::IsEmpty: w_.op(Op::IS_EMPTY); return;
    case IO::Like: w_.op(Op::LIKE, pools_.pattern(n.k.strings)); return;
    default: return;  // handled in node()
  }
}

EmittedBlock Emitter::run(const ir::NodeRef& cond) {
  node(*cond);
  w_.op(Op::RET);
  EmittedBlock out;
  out.code = w_.finish();
  out.maxStack = maxDepth_;
  out.scratch = scratch_;
  if (maxDepth_ > kMaxStack)
    out.limitError = "the condition needs " + std::to_string(maxDepth_) + " stack slots (the limit is " +
                     std::to_string(kMaxStack) + "); split it into several rules or simplify it";
  else if (scratch_ > kMaxScratch)
    out.limitError = "the condition's set literals hold " + std::to_string(scratch_) +
                     " computed elements (the limit is " + std::to_string(kMaxScratch) + ")";
  return out;
}

}  // namespace

EmittedBlock emitBlock(const ir::NodeRef& cond, Pools& pools) { return Emitter(pools).run(cond); }

}  // namespace agentpol::codegen
