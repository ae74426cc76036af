// build.cpp — node constructors with folding. Folding evaluates an operation
// on constants at compile time only when it cannot fail (checked arithmetic
// that would overflow stays for run time), and drops an operand only when it
// cannot error or short-circuit makes it unreachable.
#include "ir/build.h"

#include <algorithm>

namespace agentpol::ir {
namespace {

NodeRef make(Op op, Type type, std::vector<NodeRef> kids, uint32_t a = 0, uint32_t b = 0) {
  auto n = std::make_shared<Node>();
  n->op = op;
  n->type = type;
  n->a = a;
  n->b = b;
  for (const NodeRef& k : kids) n->mayError = n->mayError || k->mayError;
  n->kids = std::move(kids);
  return n;
}

NodeRef withError(NodeRef n) {
  auto m = std::make_shared<Node>(*n);
  m->mayError = true;
  return m;
}

bool allConst(const std::vector<NodeRef>& v) {
  return std::all_of(v.begin(), v.end(), [](const NodeRef& n) { return n->isConst(); });
}

bool isString(const ConstImage& k) { return k.type.element().kind() == Kind::String; }
int64_t num(const NodeRef& n) { return n->k.ints[0]; }

bool sameValue(const ConstImage& a, const ConstImage& b) { return a.ints == b.ints && a.strings == b.strings; }

template <class T>
bool subset(const std::vector<T>& a, const std::vector<T>& b) {  // sorted: every a in b
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}
template <class T>
bool intersects(const std::vector<T>& a, const std::vector<T>& b) {
  for (const T& x : a)
    if (std::binary_search(b.begin(), b.end(), x)) return true;
  return false;
}

bool checkedOp(Op op, int64_t a, int64_t b, int64_t* r) {
  switch (op) {
    case Op::Add: return !__builtin_add_overflow(a, b, r);
    case Op::Sub: return !__builtin_sub_overflow(a, b, r);
    case Op::Mul: return !__builtin_mul_overflow(a, b, r);
    default: return false;
  }
}

bool compareConst(Op op, const ConstImage& a, const ConstImage& b) {
  if (op == Op::Eq) return sameValue(a, b);
  if (op == Op::Ne) return !sameValue(a, b);
  int64_t x = a.ints[0], y = b.ints[0];
  switch (op) {
    case Op::Lt: return x < y;
    case Op::Le: return x <= y;
    case Op::Gt: return x > y;
    default: return x >= y;
  }
}

}  // namespace

NodeRef constant(ConstImage k) {
  if (k.type.is_set()) {
    std::sort(k.ints.begin(), k.ints.end());
    k.ints.erase(std::unique(k.ints.begin(), k.ints.end()), k.ints.end());
    std::sort(k.strings.begin(), k.strings.end());
    k.strings.erase(std::unique(k.strings.begin(), k.strings.end()), k.strings.end());
  }
  auto n = std::make_shared<Node>();
  n->op = Op::Const;
  n->type = k.type;
  n->k = std::move(k);
  return n;
}

NodeRef boolConst(bool v) { return constant(ConstImage::scalar(Type::boolean(), v ? 1 : 0)); }

NodeRef load(Op op, Type type, uint32_t slot, bool mayError) {
  NodeRef n = make(op, type, {}, slot);
  return mayError ? withError(n) : n;
}

NodeRef attr(Op op, NodeRef entity, uint32_t etype, uint32_t slot, Type type) {
  return withError(make(op, type, {std::move(entity)}, etype, slot));
}

NodeRef idOf(NodeRef entity) { return make(Op::Id, Type::string(), {std::move(entity)}); }

NodeRef notOf(NodeRef x) {
  if (x->isConst()) return boolConst(!num(x));
  if (x->op == Op::Not) return x->kids[0];
  static const std::pair<Op, Op> kInverse[] = {{Op::Eq, Op::Ne}, {Op::Ne, Op::Eq}, {Op::Lt, Op::Ge},
                                               {Op::Ge, Op::Lt}, {Op::Le, Op::Gt}, {Op::Gt, Op::Le}};
  for (const auto& [op, inverse] : kInverse)  // total orders: !(a < b) is a >= b
    if (x->op == op) return make(inverse, Type::boolean(), x->kids);
  return make(Op::Not, Type::boolean(), {std::move(x)});
}

NodeRef andOf(NodeRef a, NodeRef b) {
  if (a->isBool(false)) return a;
  if (a->isBool(true)) return b;
  if (b->isBool(true)) return a;
  if (b->isBool(false) && !a->mayError) return b;
  return make(Op::And, Type::boolean(), {std::move(a), std::move(b)});
}

NodeRef orOf(NodeRef a, NodeRef b) {
  if (a->isBool(true)) return a;
  if (a->isBool(false)) return b;
  if (b->isBool(false)) return a;
  if (b->isBool(true) && !a->mayError) return b;
  return make(Op::Or, Type::boolean(), {std::move(a), std::move(b)});
}

NodeRef ifOf(NodeRef c, NodeRef t, NodeRef e) {
  if (c->isConst()) return num(c) ? t : e;
  if (t->type == Type::boolean()) {  // Bool branches: plain connectives are shorter
    if (t->isBool(true) && e->isBool(false)) return c;
    if (t->isBool(false) && e->isBool(true)) return notOf(std::move(c));
    if (e->isBool(false)) return andOf(std::move(c), std::move(t));
    if (t->isBool(true)) return orOf(std::move(c), std::move(e));
  }
  Type ty = t->type;
  return make(Op::If, ty, {std::move(c), std::move(t), std::move(e)});
}

NodeRef compare(Op op, NodeRef a, NodeRef b) {
  if (a->isConst() && b->isConst()) return boolConst(compareConst(op, a->k, b->k));
  return make(op, Type::boolean(), {std::move(a), std::move(b)});
}

NodeRef arith(Op op, NodeRef a, NodeRef b, Type result) {
  int64_t r = 0;
  if (a->isConst() && b->isConst() && checkedOp(op, num(a), num(b), &r))
    return constant(ConstImage::scalar(result, r));
  return withError(make(op, result, {std::move(a), std::move(b)}));
}

NodeRef neg(NodeRef x) {
  int64_t r = 0;
  if (x->isConst() && !__builtin_sub_overflow(int64_t{0}, num(x), &r)) return constant(ConstImage::scalar(x->type, r));
  Type t = x->type;
  return withError(make(Op::Neg, t, {std::move(x)}));
}

NodeRef mul(NodeRef x, int64_t factor) {
  int64_t r = 0;
  if (x->isConst() && checkedOp(Op::Mul, num(x), factor, &r)) return constant(ConstImage::scalar(x->type, r));
  Type t = x->type;
  NodeRef n = withError(make(Op::Mul, t, {std::move(x)}));
  auto m = std::make_shared<Node>(*n);
  m->k = ConstImage::scalar(Type::integer(), factor);
  return m;
}

NodeRef setOp(Op op, NodeRef a, NodeRef b) {
  if (a->isConst() && b->isConst()) {
    const ConstImage &x = a->k, &y = b->k;
    bool str = isString(y);
    if (op == Op::In)
      return boolConst(str ? std::binary_search(y.strings.begin(), y.strings.end(), x.strings[0])
                           : std::binary_search(y.ints.begin(), y.ints.end(), x.ints[0]));
    if (op == Op::ContainsAll) return boolConst(str ? subset(y.strings, x.strings) : subset(y.ints, x.ints));
    return boolConst(str ? intersects(y.strings, x.strings) : intersects(y.ints, x.ints));
  }
  bool emptySet = b->isConst() && b->k.ints.empty() && b->k.strings.empty();
  if (emptySet && op != Op::ContainsAll && !a->mayError) return boolConst(false);  // x in [], s.containsAny([])
  if (emptySet && op == Op::ContainsAll && !a->mayError) return boolConst(true);
  return make(op, Type::boolean(), {std::move(a), std::move(b)});
}

NodeRef isEmpty(NodeRef s) {
  if (s->isConst()) return boolConst(s->k.ints.empty() && s->k.strings.empty());
  if (s->op == Op::MakeSet && !s->mayError) return boolConst(false);
  return make(Op::IsEmpty, Type::boolean(), {std::move(s)});
}

NodeRef makeSet(Type element, std::vector<NodeRef> elements) {
  if (allConst(elements)) {
    ConstImage k{Type::set_of(element), {}, {}};
    for (const NodeRef& e : elements) {
      k.ints.insert(k.ints.end(), e->k.ints.begin(), e->k.ints.end());
      k.strings.insert(k.strings.end(), e->k.strings.begin(), e->k.strings.end());
    }
    return constant(std::move(k));
  }
  auto count = static_cast<uint32_t>(elements.size());
  return make(Op::MakeSet, Type::set_of(element), std::move(elements), element.code, count);
}

NodeRef like(NodeRef s, std::vector<std::string> segments) {
  if (s->isConst()) return boolConst(globMatch(segments, s->k.strings[0]));
  NodeRef n = make(Op::Like, Type::boolean(), {std::move(s)});
  auto m = std::make_shared<Node>(*n);
  m->k = ConstImage{Type::string(), {}, std::move(segments)};
  return m;
}

bool globMatch(const std::vector<std::string>& seg, const std::string& s) {
  if (seg.size() == 1) return s == seg[0];
  const std::string &first = seg.front(), &last = seg.back();
  if (s.size() < first.size() + last.size()) return false;
  if (s.compare(0, first.size(), first) != 0) return false;
  if (s.compare(s.size() - last.size(), last.size(), last) != 0) return false;
  size_t pos = first.size(), end = s.size() - last.size();
  for (size_t i = 1; i + 1 < seg.size(); ++i) {
    size_t at = s.find(seg[i], pos);
    if (at == std::string::npos || at + seg[i].size() > end) return false;
    pos = at + seg[i].size();
  }
  return true;
}

}  // namespace agentpol::ir
