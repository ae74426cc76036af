// emit.cpp — IR -> bytecode. Values are pushed operands-first; And/Or use the
// keep-on-jump ops (JFK/JTK), If uses JF + JMP, and every block ends in RET.
// Tracks stack depth as the loader will, from opcodes.def's stack effects
// (jumps join with equal shapes).
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
  Emitter(Pools& pools, const std::vector<ir::PartNode>& parts) : pools_(pools), parts_(parts) {}
  EmittedBlock run(const ir::NodeRef& cond);

 private:
  // One instruction, and its stack effect on the path that falls through.
  void emit(Op op, uint32_t a = 0, uint32_t b = 0) {
    w_.op(op, a, b);
    effect(op, b);
  }
  void jumpTo(Op op, CodeWriter::Label to) {
    w_.jump(op, to);
    effect(op, 0);
  }
  void effect(Op op, uint32_t count) {
    StackEffect e = stack_effect(op, count);
    depth_ = depth_ - e.pop + e.push;
    maxDepth_ = std::max(maxDepth_, depth_);
  }
  void node(const ir::Node& n);
  // A node of the spine (the root, operands of a spine `and`, the operand of
  // a spine `not`): a part's code is noted where it is emitted.
  void spine(const ir::Node& n);
  void kids(const ir::Node& n) { for (const ir::NodeRef& k : n.kids) node(*k); }
  void binary(Op op, const ir::Node& n) { kids(n); emit(op); }
  void shortCircuit(Op jump, const ir::Node& n, bool onSpine = false);
  void ifElse(const ir::Node& n);
  void simple(const ir::Node& n);

  Pools& pools_;
  const std::vector<ir::PartNode>& parts_;
  std::vector<PartCode> found_;
  CodeWriter w_;
  uint32_t depth_ = 0, maxDepth_ = 0, scratch_ = 0;
};

void Emitter::shortCircuit(Op jump, const ir::Node& n, bool onSpine) {
  CodeWriter::Label done = w_.label();
  onSpine ? spine(*n.kids[0]) : node(*n.kids[0]);
  jumpTo(jump, done);  // falls through without the left value, jumps with it
  onSpine ? spine(*n.kids[1]) : node(*n.kids[1]);
  w_.bind(done);
}

void Emitter::spine(const ir::Node& n) {
  for (const ir::PartNode& p : parts_) {
    if (p.node.get() != &n || n.isConst()) continue;
    bool seen = std::any_of(found_.begin(), found_.end(), [&](const PartCode& c) { return c.part == p.part; });
    if (seen) break;
    uint32_t start = w_.size();
    node(n);
    found_.push_back(PartCode{p.part, PartKind::Code, start, w_.size(), p.invert});
    return;
  }
  if (n.op == ir::Op::And) return shortCircuit(Op::JFK, n, true);
  if (n.op == ir::Op::Not) {
    spine(*n.kids[0]);
    emit(Op::NOT);
    return;
  }
  node(n);
}

void Emitter::ifElse(const ir::Node& n) {
  CodeWriter::Label other = w_.label(), done = w_.label();
  node(*n.kids[0]);
  jumpTo(Op::JF, other);
  node(*n.kids[1]);
  jumpTo(Op::JMP, done);
  --depth_;  // the else path starts without the then branch's value
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
      emit(Op::MKSET, n.a, n.b);
      scratch_ += n.b;
      return;
    default: return simple(n);
  }
}

// Loads and one-operand ops: operands first, then one instruction.
void Emitter::simple(const ir::Node& n) {
  using IO = ir::Op;
  kids(n);
  switch (n.op) {
    case IO::Const:
      if (n.type == Type::boolean()) emit(Op::BOOL, static_cast<uint32_t>(n.k.ints[0]));
      else emit(Op::CONST, pools_.constant(n.k));
      return;
    case IO::Now: return emit(Op::NOW);
    case IO::Agent: return emit(Op::AGENT);
    case IO::User: return emit(Op::USER);
    case IO::HasUser: return emit(Op::HAS_USER);
    case IO::Ctx: return emit(Op::CTX, n.a);
    case IO::HasCtx: return emit(Op::HAS_CTX, n.a);
    case IO::Param: return emit(Op::PARAM, n.a);
    case IO::Arg: return emit(Op::ARG, n.a);
    case IO::HasArg: return emit(Op::HAS_ARG, n.a);
    case IO::Attr: return emit(Op::ATTR, n.a, n.b);
    case IO::HasAttr: return emit(Op::HAS_ATTR, n.a, n.b);
    case IO::Id: return emit(Op::ID);
    case IO::Not: return emit(Op::NOT);
    case IO::Neg: return emit(Op::NEG);
    case IO::Mul: return emit(Op::MUL, pools_.constant(n.k));
    case IO::IsEmpty: return emit(Op::IS_EMPTY);
    case IO::Like: return emit(Op::LIKE, pools_.pattern(n.k.strings));
    default: return;  // handled in node()
  }
}

EmittedBlock Emitter::run(const ir::NodeRef& cond) {
  spine(*cond);
  emit(Op::RET);
  EmittedBlock out;
  out.code = w_.finish();
  for (const ir::PartNode& p : parts_)
    if (p.node->isConst()) found_.push_back(PartCode{p.part, p.node->isBool(true) != p.invert ? PartKind::True : PartKind::False, 0, 0, false});
  std::sort(found_.begin(), found_.end(), [](const PartCode& a, const PartCode& b) { return a.part < b.part; });
  out.partCodes = std::move(found_);
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

EmittedBlock emitBlock(const ir::NodeRef& cond, Pools& pools, const std::vector<ir::PartNode>& parts) {
  return Emitter(pools, parts).run(cond);
}

}  // namespace agentpol::codegen
