// folding_test.cpp — the IR constructors fold what is safe and keep what may
// error: overflow stays for run time, `x && false` keeps x when x may error,
// short-circuits drop unreachable operands, constant sets are canonical.
#include <catch2/catch.hpp>

#include <limits>

#include "ir/build.h"

namespace agentpol::ir {
namespace {

NodeRef num(int64_t v) { return constant(ConstImage::scalar(Type::integer(), v)); }
NodeRef arg(uint32_t slot) { return load(Op::Arg, Type::integer(), slot); }
NodeRef risky() { return arith(Op::Add, arg(0), num(1), Type::integer()); }  // may overflow
NodeRef flag() { return load(Op::HasUser, Type::boolean()); }                 // never errors

}  // namespace

TEST_CASE("arithmetic on constants folds unless it overflows", "[ir][fold]") {
  CHECK(arith(Op::Add, num(2), num(3), Type::integer())->k.ints[0] == 5);
  NodeRef over = arith(Op::Add, num(std::numeric_limits<int64_t>::max()), num(1), Type::integer());
  CHECK(over->op == Op::Add);
  CHECK(over->mayError);
  CHECK(neg(num(std::numeric_limits<int64_t>::min()))->op == Op::Neg);
  CHECK(neg(num(4))->k.ints[0] == -4);
  CHECK(mul(num(3), -2)->k.ints[0] == -6);
  CHECK(mul(num(std::numeric_limits<int64_t>::max()), 2)->op == Op::Mul);
}

TEST_CASE("short-circuit folding keeps operands that may error", "[ir][fold]") {
  CHECK(andOf(boolConst(false), compare(Op::Lt, risky(), num(0)))->isBool(false));
  CHECK(orOf(boolConst(true), compare(Op::Lt, risky(), num(0)))->isBool(true));
  CHECK(andOf(compare(Op::Lt, risky(), num(0)), boolConst(false))->op == Op::And);
  CHECK(orOf(compare(Op::Lt, risky(), num(0)), boolConst(true))->op == Op::Or);
  CHECK(andOf(flag(), boolConst(false))->isBool(false));
  CHECK(orOf(flag(), boolConst(true))->isBool(true));
  CHECK(andOf(flag(), boolConst(true))->op == Op::HasUser);
  CHECK(ifOf(boolConst(true), num(1), risky())->k.ints[0] == 1);
}

TEST_CASE("negation folds into comparisons", "[ir][fold]") {
  CHECK(notOf(compare(Op::Lt, arg(0), num(3)))->op == Op::Ge);
  CHECK(notOf(compare(Op::Eq, arg(0), num(3)))->op == Op::Ne);
  CHECK(notOf(notOf(flag()))->op == Op::HasUser);
  CHECK(notOf(boolConst(true))->isBool(false));
}

TEST_CASE("constant sets are canonical and set operations fold", "[ir][fold]") {
  NodeRef a = constant(ConstImage::int_set(Type::integer(), {3, 1, 3, 2}));
  NodeRef b = constant(ConstImage::int_set(Type::integer(), {1, 2, 3}));
  CHECK(a->k.ints == std::vector<int64_t>{1, 2, 3});
  CHECK(compare(Op::Eq, a, b)->isBool(true));
  CHECK(setOp(Op::In, num(2), a)->isBool(true));
  CHECK(setOp(Op::ContainsAll, a, constant(ConstImage::int_set(Type::integer(), {1, 4})))->isBool(false));
  CHECK(setOp(Op::ContainsAny, a, constant(ConstImage::int_set(Type::integer(), {1, 4})))->isBool(true));
  NodeRef empty = constant(ConstImage::int_set(Type::integer(), {}));
  CHECK(setOp(Op::In, arg(0), empty)->isBool(false));
  CHECK(setOp(Op::In, risky(), empty)->op == Op::In);  // keeps the overflow
  CHECK(isEmpty(empty)->isBool(true));
  CHECK(makeSet(Type::integer(), {num(1), num(1)})->isConst());
  CHECK(makeSet(Type::integer(), {num(1), arg(0)})->op == Op::MakeSet);
}

TEST_CASE("like on a constant folds with the glob rules", "[ir][fold]") {
  auto str = [](const char* s) { return constant(ConstImage::str(s)); };
  CHECK(like(str("abc"), {"a", "c"})->isBool(true));
  CHECK(like(str("ac"), {"a", "b", "c"})->isBool(false));
  CHECK(like(str("aXbYc"), {"a", "b", "c"})->isBool(true));
  CHECK(like(str("aa"), {"a", "a"})->isBool(true));
  CHECK(like(str("a"), {"a", "a"})->isBool(false));
  CHECK(like(str("x*y"), {"x*y"})->isBool(true));
  CHECK(like(str(""), {""})->isBool(true));
}

}  // namespace agentpol::ir
