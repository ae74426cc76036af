// test_opcodes.cpp — every opcode of opcodes.def through the real decide()
// path (mini schema): loads, comparisons per type, checked arithmetic with
// overflow, sets, set literals, `like`, jumps, and evaluation errors.
#include "mini.h"

#include <catch2/catch.hpp>

#include <limits>

using namespace agentpol;
using namespace agentpol::test;

namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

// Compares the context slot `c` with constant `k` using `cmp`.
Tri ctx_cmp(uint32_t c, Op cmp, ConstImage k) {
  return eval([=](ImageBuilder& b, CodeWriter& w) { w.op(Op::CTX, c).op(Op::CONST, b.k(k)).op(cmp); });
}

Tri int_arith(int64_t a, Op op, int64_t b2, int64_t expect) {
  return eval([=](ImageBuilder& b, CodeWriter& w) {
    w.op(Op::CONST, b.k_int(a)).op(Op::CONST, b.k_int(b2)).op(op).op(Op::CONST, b.k_int(expect)).op(Op::EQ);
  });
}

Tri mul(int64_t a, int64_t k, int64_t expect) {
  return eval([=](ImageBuilder& b, CodeWriter& w) {
    w.op(Op::CONST, b.k_int(a)).op(Op::MUL, b.k_int(k)).op(Op::CONST, b.k_int(expect)).op(Op::EQ);
  });
}

Tri glob(const std::string& text, const std::string& pattern) {
  return eval([=](ImageBuilder& b, CodeWriter& w) { w.op(Op::CONST, b.k_str(text)).op(Op::LIKE, b.pattern(pattern)); });
}

}  // namespace

TEST_CASE("CONST and BOOL push constants", "[opcodes]") {
  CHECK(eval([](ImageBuilder&, CodeWriter& w) { w.op(Op::BOOL, 1); }) == Tri::True);
  CHECK(eval([](ImageBuilder&, CodeWriter& w) { w.op(Op::BOOL, 0); }) == Tri::False);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) { w.op(Op::CONST, b.k(ConstImage::scalar(Type::boolean(), 1))); }) == Tri::True);
}

TEST_CASE("NOW, AGENT, USER, HAS_USER, ID", "[opcodes]") {
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) {
    w.op(Op::NOW).op(Op::CONST, b.k(ConstImage::scalar(Type::time(), 1000))).op(Op::EQ);
  }) == Tri::True);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) { w.op(Op::AGENT).op(Op::ID).op(Op::CONST, b.k_str("a1")).op(Op::EQ); }) == Tri::True);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) { w.op(Op::USER).op(Op::ID).op(Op::CONST, b.k_str("u1")).op(Op::EQ); }) == Tri::True);
  CHECK(eval([](ImageBuilder&, CodeWriter& w) { w.op(Op::HAS_USER); }) == Tri::True);
}

TEST_CASE("USER without a user is an error; HAS_USER is false", "[opcodes]") {
  auto no_user = [](Request& r) {
    r.reset();
    r.set_now(1000);
    r.set_agent("a1");
    r.set_action("act");
    EntityRef res = r.entity("Res", "r1");
    r.set_arg("res", Value::entity(res));
    r.set_arg("i", Value::integer(5));
    r.set_arg("s", Value::string("x"));
    Value none[1];
    r.set_context("n", Value::integer(1));
    r.set_context("s", Value::string(""));
    r.set_context("m", Value::money(0, "EUR"));
    r.set_context("d", Value::duration(0));
    r.set_context("t", Value::time(0));
    r.set_context("c", Value::enumeration("red"));
    r.set_context("ss", Value::set(none, 0));
    r.set_context("is", Value::set(none, 0));
    r.set_context("es", Value::set(none, 0));
    r.set_context("b", Value::boolean(false));
  };
  CHECK(eval([](ImageBuilder&, CodeWriter& w) { w.op(Op::HAS_USER); }, no_user) == Tri::False);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) { w.op(Op::USER).op(Op::ID).op(Op::CONST, b.k_str("u1")).op(Op::EQ); }, no_user) == Tri::Error);
}

TEST_CASE("CTX, HAS_CTX and absent optional context", "[opcodes]") {
  CHECK(ctx_cmp(cN, Op::EQ, ConstImage::scalar(Type::integer(), 7)) == Tri::True);
  CHECK(ctx_cmp(cS, Op::EQ, ConstImage::str("abc")) == Tri::True);
  CHECK(ctx_cmp(cC, Op::EQ, ConstImage::scalar(Type::enumeration(kColor), 1)) == Tri::True);
  CHECK(ctx_cmp(cB, Op::EQ, ConstImage::scalar(Type::boolean(), 1)) == Tri::True);
  CHECK(eval([](ImageBuilder&, CodeWriter& w) { w.op(Op::HAS_CTX, cOpt); }) == Tri::False);
  CHECK(eval([](ImageBuilder&, CodeWriter& w) { w.op(Op::HAS_CTX, cN); }) == Tri::True);
  CHECK(ctx_cmp(cOpt, Op::EQ, ConstImage::scalar(Type::integer(), 0)) == Tri::Error);
  auto with_opt = [](Request& r) { r.set_context("opt", Value::integer(3)); };
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) { w.op(Op::CTX, cOpt).op(Op::CONST, b.k_int(3)).op(Op::EQ); }, with_opt) == Tri::True);
}

TEST_CASE("PARAM, ARG, HAS_ARG", "[opcodes]") {
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) { w.op(Op::PARAM, 0).op(Op::ID).op(Op::CONST, b.k_str("r1")).op(Op::EQ); }) == Tri::True);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) { w.op(Op::ARG, 0).op(Op::CONST, b.k_int(5)).op(Op::EQ); }) == Tri::True);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) { w.op(Op::ARG, 1).op(Op::CONST, b.k_str("hello")).op(Op::EQ); }) == Tri::True);
  CHECK(eval([](ImageBuilder&, CodeWriter& w) { w.op(Op::HAS_ARG, 2); }) == Tri::False);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) { w.op(Op::ARG, 2).op(Op::CONST, b.k_int(5)).op(Op::EQ); }) == Tri::Error);
}

TEST_CASE("ATTR and HAS_ATTR, including reference-only entities", "[opcodes]") {
  auto owner_is_user = [](ImageBuilder&, CodeWriter& w) { w.op(Op::PARAM, 0).op(Op::ATTR, tRes, rOwner).op(Op::USER).op(Op::EQ); };
  CHECK(eval(owner_is_user) == Tri::True);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) {
    w.op(Op::PARAM, 0).op(Op::ATTR, tRes, rOwner).op(Op::ATTR, tUser, uName).op(Op::CONST, b.k_str("Ann")).op(Op::EQ);
  }) == Tri::True);
  CHECK(eval([](ImageBuilder&, CodeWriter& w) { w.op(Op::USER).op(Op::HAS_ATTR, tUser, uLevel); }) == Tri::False);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) { w.op(Op::USER).op(Op::ATTR, tUser, uLevel).op(Op::CONST, b.k_int(1)).op(Op::EQ); }) == Tri::Error);
  // An entity given only by reference: attribute reads and `has` tests are errors.
  auto ref_only = [](Request& r) {
    EntityRef other = r.entity("Res", "r2");
    r.set_arg("res", Value::entity(other));
  };
  CHECK(eval(owner_is_user, ref_only) == Tri::Error);
  CHECK(eval([](ImageBuilder&, CodeWriter& w) { w.op(Op::PARAM, 0).op(Op::HAS_ATTR, tRes, rOwner); }, ref_only) == Tri::Error);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) { w.op(Op::PARAM, 0).op(Op::ID).op(Op::CONST, b.k_str("r2")).op(Op::EQ); }, ref_only) == Tri::True);
}

TEST_CASE("NOT, EQ, NE per type", "[opcodes]") {
  CHECK(eval([](ImageBuilder&, CodeWriter& w) { w.op(Op::BOOL, 0).op(Op::NOT); }) == Tri::True);
  CHECK(ctx_cmp(cS, Op::NE, ConstImage::str("abd")) == Tri::True);
  CHECK(ctx_cmp(cS, Op::EQ, ConstImage::str("ab")) == Tri::False);
  CHECK(ctx_cmp(cM, Op::EQ, ConstImage::scalar(eur(), 1234)) == Tri::True);
  CHECK(ctx_cmp(cC, Op::NE, ConstImage::scalar(Type::enumeration(kColor), 2)) == Tri::True);
  // entity equality is (type, id): the same id twice is one entity
  CHECK(eval([](ImageBuilder&, CodeWriter& w) { w.op(Op::USER).op(Op::PARAM, 0).op(Op::ATTR, tRes, rOwner).op(Op::NE); }) == Tri::False);
  // strings compare by bytes, including embedded NULs
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) {
    w.op(Op::CONST, b.k_str(std::string("a\0b", 3))).op(Op::CONST, b.k_str(std::string("a\0c", 3))).op(Op::EQ);
  }) == Tri::False);
}

TEST_CASE("SET_EQ and SET_NE compare elements, not order", "[opcodes]") {
  CHECK(ctx_cmp(cSS, Op::SET_EQ, ConstImage::string_set({"b", "a"})) == Tri::True);
  CHECK(ctx_cmp(cSS, Op::SET_EQ, ConstImage::string_set({"a", "b", "a"})) == Tri::True);
  CHECK(ctx_cmp(cSS, Op::SET_NE, ConstImage::string_set({"a"})) == Tri::True);
  CHECK(ctx_cmp(cIS, Op::SET_EQ, ConstImage::int_set(Type::integer(), {3, 2, 1})) == Tri::True);
  CHECK(ctx_cmp(cIS, Op::SET_EQ, ConstImage::int_set(Type::integer(), {1, 2, 4})) == Tri::False);
}

TEST_CASE("LT LE GT GE on Int, Money, Duration, Time", "[opcodes]") {
  CHECK(ctx_cmp(cN, Op::LT, ConstImage::scalar(Type::integer(), 8)) == Tri::True);
  CHECK(ctx_cmp(cN, Op::LT, ConstImage::scalar(Type::integer(), 7)) == Tri::False);
  CHECK(ctx_cmp(cN, Op::LE, ConstImage::scalar(Type::integer(), 7)) == Tri::True);
  CHECK(ctx_cmp(cM, Op::GT, ConstImage::scalar(eur(), 1233)) == Tri::True);
  CHECK(ctx_cmp(cM, Op::GT, ConstImage::scalar(eur(), 1234)) == Tri::False);
  CHECK(ctx_cmp(cD, Op::GE, ConstImage::scalar(Type::duration(), 60)) == Tri::True);
  CHECK(ctx_cmp(cD, Op::GE, ConstImage::scalar(Type::duration(), 61)) == Tri::False);
  CHECK(ctx_cmp(cT, Op::LT, ConstImage::scalar(Type::time(), -1)) == Tri::False);
  CHECK(ctx_cmp(cN, Op::GT, ConstImage::scalar(Type::integer(), -8)) == Tri::True);
}

TEST_CASE("ADD SUB checked, with overflow as an error", "[opcodes]") {
  CHECK(int_arith(2, Op::ADD, 3, 5) == Tri::True);
  CHECK(int_arith(2, Op::SUB, 3, -1) == Tri::True);
  CHECK(int_arith(kMax, Op::ADD, 0, kMax) == Tri::True);
  CHECK(int_arith(kMax, Op::ADD, 1, 0) == Tri::Error);
  CHECK(int_arith(kMin, Op::ADD, -1, 0) == Tri::Error);
  CHECK(int_arith(kMin, Op::SUB, 1, 0) == Tri::Error);
  CHECK(int_arith(0, Op::SUB, kMin, 0) == Tri::Error);
  CHECK(int_arith(-1, Op::SUB, kMin, kMax) == Tri::True);
  CHECK(int_arith(kMin, Op::ADD, kMax, -1) == Tri::True);
}

TEST_CASE("Time and Duration arithmetic", "[opcodes]") {
  // now + d == 1060, t - now == 4000s, m + m == 24.68 EUR
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) {
    w.op(Op::NOW).op(Op::CTX, cD).op(Op::ADD).op(Op::CONST, b.k(ConstImage::scalar(Type::time(), 1060))).op(Op::EQ);
  }) == Tri::True);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) {
    w.op(Op::CTX, cT).op(Op::NOW).op(Op::SUB).op(Op::CONST, b.k(ConstImage::scalar(Type::duration(), 4000))).op(Op::EQ);
  }) == Tri::True);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) {
    w.op(Op::NOW).op(Op::CTX, cD).op(Op::SUB).op(Op::CONST, b.k(ConstImage::scalar(Type::time(), 940))).op(Op::EQ);
  }) == Tri::True);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) {
    w.op(Op::CTX, cM).op(Op::CTX, cM).op(Op::ADD).op(Op::CONST, b.k_eur(2468)).op(Op::EQ);
  }) == Tri::True);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) {
    w.op(Op::CONST, b.k(ConstImage::scalar(Type::time(), kMax))).op(Op::CTX, cD).op(Op::ADD).op(Op::NOW).op(Op::GT);
  }) == Tri::Error);
}

TEST_CASE("MUL by a constant and NEG, checked", "[opcodes]") {
  CHECK(mul(6, 7, 42) == Tri::True);
  CHECK(mul(-6, 7, -42) == Tri::True);
  CHECK(mul(0, kMax, 0) == Tri::True);
  CHECK(mul(kMax, 2, 0) == Tri::Error);
  CHECK(mul(kMin, -1, 0) == Tri::Error);
  CHECK(mul(-1, kMin, 0) == Tri::Error);
  CHECK(mul(kMin / 2, 2, kMin) == Tri::True);
  CHECK(mul(kMax / 3, -3, -(kMax / 3) * 3) == Tri::True);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) {
    w.op(Op::CTX, cD).op(Op::MUL, b.k_int(3)).op(Op::CONST, b.k(ConstImage::scalar(Type::duration(), 180))).op(Op::EQ);
  }) == Tri::True);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) { w.op(Op::CONST, b.k_int(5)).op(Op::NEG).op(Op::CONST, b.k_int(-5)).op(Op::EQ); }) == Tri::True);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) { w.op(Op::CONST, b.k_int(kMin)).op(Op::NEG).op(Op::CONST, b.k_int(0)).op(Op::EQ); }) == Tri::Error);
}

TEST_CASE("IN, CONTAINS_ALL, CONTAINS_ANY, IS_EMPTY", "[opcodes]") {
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) { w.op(Op::CONST, b.k_str("b")).op(Op::CTX, cSS).op(Op::IN); }) == Tri::True);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) { w.op(Op::CONST, b.k_str("c")).op(Op::CTX, cSS).op(Op::IN); }) == Tri::False);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) { w.op(Op::CONST, b.k_int(3)).op(Op::CTX, cIS).op(Op::IN); }) == Tri::True);
  CHECK(eval([](ImageBuilder&, CodeWriter& w) { w.op(Op::USER).op(Op::CTX, cES).op(Op::IN); }) == Tri::True);
  auto all = [](std::vector<int64_t> v) {
    return eval([=](ImageBuilder& b, CodeWriter& w) {
      w.op(Op::CTX, cIS).op(Op::CONST, b.k(ConstImage::int_set(Type::integer(), v))).op(Op::CONTAINS_ALL);
    });
  };
  auto any = [](std::vector<int64_t> v) {
    return eval([=](ImageBuilder& b, CodeWriter& w) {
      w.op(Op::CTX, cIS).op(Op::CONST, b.k(ConstImage::int_set(Type::integer(), v))).op(Op::CONTAINS_ANY);
    });
  };
  CHECK(all({1, 3}) == Tri::True);
  CHECK(all({1, 4}) == Tri::False);
  CHECK(all({}) == Tri::True);
  CHECK(any({9, 3}) == Tri::True);
  CHECK(any({9}) == Tri::False);
  CHECK(any({}) == Tri::False);
  CHECK(eval([](ImageBuilder&, CodeWriter& w) { w.op(Op::CTX, cSS).op(Op::IS_EMPTY); }) == Tri::False);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) { w.op(Op::CONST, b.k(ConstImage::string_set({}))).op(Op::IS_EMPTY); }) == Tri::True);
}

TEST_CASE("MKSET builds set literals from run-time values", "[opcodes]") {
  // [context.s, arg s] == ["hello", "abc"]; context.n in [arg i, 7]; two literals in one block
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) {
    w.op(Op::CTX, cS).op(Op::ARG, 1).op(Op::MKSET, Type::string().code, 2);
    w.op(Op::CONST, b.k(ConstImage::string_set({"hello", "abc"}))).op(Op::SET_EQ);
  }) == Tri::True);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) {
    auto l = w.label();
    w.op(Op::CTX, cN).op(Op::ARG, 0).op(Op::CONST, b.k_int(7)).op(Op::MKSET, Type::integer().code, 2).op(Op::IN);
    w.jump(Op::JFK, l).op(Op::CONST, b.k_int(6)).op(Op::ARG, 0).op(Op::MKSET, Type::integer().code, 1).op(Op::IN).op(Op::NOT);
    w.bind(l);
  }) == Tri::True);
  CHECK(eval([](ImageBuilder&, CodeWriter& w) { w.op(Op::MKSET, Type::integer().code, 0).op(Op::IS_EMPTY); }) == Tri::True);
}

TEST_CASE("LIKE matches globs with literal stars", "[opcodes]") {
  CHECK(glob("invoice-42", "invoice-*") == Tri::True);
  CHECK(glob("invoice-42", "*-42") == Tri::True);
  CHECK(glob("invoice-42", "inv*ce*2") == Tri::True);
  CHECK(glob("invoice-42", "*") == Tri::True);
  CHECK(glob("", "*") == Tri::True);
  CHECK(glob("", "") == Tri::True);
  CHECK(glob("abc", "abc") == Tri::True);
  CHECK(glob("abcd", "abc") == Tri::False);
  CHECK(glob("ab", "a*b*c") == Tri::False);
  CHECK(glob("aXbYc", "a*b*c") == Tri::True);
  CHECK(glob("abab", "*ab*ab") == Tri::True);
  CHECK(glob("ab", "ab*ab") == Tri::False);
  CHECK(glob("a*b", "a\\*b") == Tri::True);
  CHECK(glob("axb", "a\\*b") == Tri::False);
  CHECK(glob("x*y", "*\\**") == Tri::True);
  CHECK(glob("xy", "*\\**") == Tri::False);
}

TEST_CASE("JMP, JF, JFK, JTK short-circuit without evaluating the skipped part", "[opcodes]") {
  // false && <error> is false; true || <error> is true; if-then-else picks a branch.
  auto overflow = [](ImageBuilder& b, CodeWriter& w) {
    w.op(Op::CONST, b.k_int(kMax)).op(Op::CONST, b.k_int(1)).op(Op::ADD).op(Op::CONST, b.k_int(0)).op(Op::GT);
  };
  CHECK(eval([&](ImageBuilder& b, CodeWriter& w) { auto l = w.label(); w.op(Op::BOOL, 0).jump(Op::JFK, l); overflow(b, w); w.bind(l); }) == Tri::False);
  CHECK(eval([&](ImageBuilder& b, CodeWriter& w) { auto l = w.label(); w.op(Op::BOOL, 1).jump(Op::JFK, l); overflow(b, w); w.bind(l); }) == Tri::Error);
  CHECK(eval([&](ImageBuilder& b, CodeWriter& w) { auto l = w.label(); w.op(Op::BOOL, 1).jump(Op::JTK, l); overflow(b, w); w.bind(l); }) == Tri::True);
  CHECK(eval([&](ImageBuilder&, CodeWriter& w) { auto l = w.label(); w.op(Op::BOOL, 0).jump(Op::JTK, l).op(Op::BOOL, 0); w.bind(l); }) == Tri::False);
  auto ite = [](bool c) {
    return eval([=](ImageBuilder& b, CodeWriter& w) {
      auto els = w.label(), end = w.label();
      w.op(Op::BOOL, c ? 1 : 0).jump(Op::JF, els).op(Op::CONST, b.k_int(1)).jump(Op::JMP, end);
      w.bind(els).op(Op::CONST, b.k_int(2));
      w.bind(end).op(Op::CONST, b.k_int(1)).op(Op::EQ);
    });
  };
  CHECK(ite(true) == Tri::True);
  CHECK(ite(false) == Tri::False);
}

TEST_CASE("RET can end a block early on one path", "[opcodes]") {
  CHECK(eval([](ImageBuilder&, CodeWriter& w) {
    auto l = w.label();
    w.op(Op::BOOL, 1).jump(Op::JF, l).op(Op::BOOL, 1).op(Op::RET);
    w.bind(l).op(Op::BOOL, 0);
  }) == Tri::True);
}
