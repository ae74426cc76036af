// test_fuse.cpp — the loader's fused instruction pairs (loader/fuse.cpp):
// each fused shape gives the unfused result, errors stay errors, and a pair
// whose second half is a jump target is left unfused (and still correct).
#include "mini.h"

#include <catch2/catch.hpp>

using namespace agentpol;
using namespace agentpol::test;

TEST_CASE("fused CONST+comparison pairs decide like the plain ops", "[fuse]") {
  // CTX n is 7 in the mini request.
  auto cmp = [](Op op, int64_t k) {
    return eval([=](ImageBuilder& b, CodeWriter& w) { w.op(Op::CTX, cN).op(Op::CONST, b.k_int(k)).op(op); });
  };
  CHECK(cmp(Op::EQ, 7) == Tri::True);
  CHECK(cmp(Op::NE, 7) == Tri::False);
  CHECK(cmp(Op::LT, 8) == Tri::True);
  CHECK(cmp(Op::LE, 7) == Tri::True);
  CHECK(cmp(Op::GT, 7) == Tri::False);
  CHECK(cmp(Op::GE, 8) == Tri::False);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) {
    w.op(Op::CTX, cS).op(Op::CONST, b.k(ConstImage::string_set({"x", "abc"}))).op(Op::IN);
  }) == Tri::True);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) {
    w.op(Op::CTX, cS).op(Op::CONST, b.k_str("abd")).op(Op::EQ);
  }) == Tri::False);
}

TEST_CASE("a jump into the second half of a fusable pair is not fused", "[fuse]") {
  // true == (false && ...): JFK jumps to EQ keeping `false`; the fall-through
  // path reaches EQ through CONST. Both paths must compare correctly.
  auto prog = [](int first) {
    return eval([=](ImageBuilder& b, CodeWriter& w) {
      auto l = w.label();
      w.op(Op::BOOL, 1).op(Op::BOOL, static_cast<uint32_t>(first)).jump(Op::JFK, l);
      w.op(Op::CONST, b.k(ConstImage::scalar(Type::boolean(), 1)));
      w.bind(l).op(Op::EQ);
    });
  };
  CHECK(prog(0) == Tri::False);  // jump: true == false
  CHECK(prog(1) == Tri::True);   // fall through: true == true
}
