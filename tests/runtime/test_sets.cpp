// test_sets.cpp — canonical sets (vm/value.h): every set the VM sees is
// sorted and free of duplicates, so IN, CONTAINS_ALL, CONTAINS_ANY and SET_EQ
// are searches and merges. Checked against the plain definitions on random
// sets below and above the linear-search size, and end to end: sets from the
// request (unsorted, with duplicates, large), from bundle constants and from
// MKSET decide as set semantics says.
#include "mini.h"
#include "vm/value.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

namespace agentpol::test {
namespace {

// Plain definitions, on the raw (unsorted, duplicated) elements.
bool plain_has(const std::vector<Val>& s, const Val& x) {
  for (const Val& v : s)
    if (val_eq(v, x)) return true;
  return false;
}
bool plain_all(const std::vector<Val>& s, const std::vector<Val>& t) {
  for (const Val& x : t)
    if (!plain_has(s, x)) return false;
  return true;
}
bool plain_any(const std::vector<Val>& s, const std::vector<Val>& t) {
  for (const Val& x : t)
    if (plain_has(s, x)) return true;
  return false;
}

Val canonical(std::vector<Val>& items) {
  return Val{canonical_set(items.data(), static_cast<int64_t>(items.size())), items.data()};
}

// Random elements from a small pool, so overlaps and duplicates are common.
struct Pool {
  std::mt19937 rng{20261203};
  std::vector<std::string> strings{"", "a", "ab", "abc", "b", "ba", "zz", "a\x01", "\xff", "longer string"};
  std::vector<Val> ints(size_t n, int range) {
    std::uniform_int_distribution<int> d(-range, range);
    std::vector<Val> v;
    for (size_t i = 0; i < n; ++i) v.push_back(scalar_val(d(rng)));
    return v;
  }
  std::vector<Val> strs(size_t n) {
    std::uniform_int_distribution<size_t> d(0, strings.size() - 1);
    std::vector<Val> v;
    for (size_t i = 0; i < n; ++i) {
      const std::string& s = strings[d(rng)];
      v.push_back(Val{static_cast<int64_t>(s.size()), s.data()});
    }
    return v;
  }
};

void check_against_plain(std::vector<Val> s_raw, std::vector<Val> t_raw) {
  std::vector<Val> s_items = s_raw, t_items = t_raw;
  Val s = canonical(s_items), t = canonical(t_items);
  for (int64_t i = 1; i < s.n; ++i) REQUIRE(val_less(s_items[i - 1], s_items[i]));  // sorted, no duplicates
  REQUIRE(plain_all(s_raw, std::vector<Val>(s_items.begin(), s_items.begin() + s.n)));
  REQUIRE(plain_all(std::vector<Val>(s_items.begin(), s_items.begin() + s.n), s_raw));
  for (const Val& x : t_raw) REQUIRE(set_has(s, x) == plain_has(s_raw, x));
  REQUIRE(set_contains_all(s, t) == plain_all(s_raw, t_raw));
  REQUIRE(set_contains_any(s, t) == plain_any(s_raw, t_raw));
  REQUIRE(set_eq(s, t) == (plain_all(s_raw, t_raw) && plain_all(t_raw, s_raw)));
}

}  // namespace

TEST_CASE("canonical sets agree with the plain set operations", "[sets]") {
  Pool pool;
  std::uniform_int_distribution<size_t> size(0, 40);
  for (int round = 0; round < 2000; ++round) {
    size_t a = size(pool.rng), b = size(pool.rng);
    if (round % 2) check_against_plain(pool.ints(a, 20), pool.ints(b, 20));
    else check_against_plain(pool.strs(a), pool.strs(b));
  }
  // The edges: empty sets, a set and itself, a subset missing its last element.
  check_against_plain({}, {});
  check_against_plain(pool.ints(30, 5), {});
  std::vector<Val> big;
  for (int i = 0; i < 100; ++i) big.push_back(scalar_val(i));
  check_against_plain(big, big);
  check_against_plain(std::vector<Val>(big.begin(), big.end() - 1), big);
}

TEST_CASE("sets from the request are canonical whatever their order and duplicates", "[sets]") {
  // context.is = 5000 integers, descending, each twice; a constant subset in
  // another order; every element, its absence, and the set against itself.
  std::vector<Value> many;
  for (int i = 4999; i >= 0; --i) {
    many.push_back(Value::integer(i * 3));
    many.push_back(Value::integer(i * 3));
  }
  auto big = [&](Request& req) { req.set_context("is", Value::set(many.data(), many.size())); };
  auto all = [&](std::vector<int64_t> k) {
    return eval([=](ImageBuilder& b, CodeWriter& w) {
      w.op(Op::CTX, cIS).op(Op::CONST, b.k(ConstImage::int_set(Type::integer(), k))).op(Op::CONTAINS_ALL);
    }, big);
  };
  std::vector<int64_t> sub;
  for (int i = 0; i < 300; ++i) sub.push_back((i * 7919 % 5000) * 3);  // scattered, unsorted
  CHECK(all(sub) == Tri::True);
  sub.push_back(1);  // not a multiple of 3
  CHECK(all(sub) == Tri::False);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) { w.op(Op::CONST, b.k_int(14997)).op(Op::CTX, cIS).op(Op::IN); }, big) == Tri::True);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) { w.op(Op::CONST, b.k_int(14998)).op(Op::CTX, cIS).op(Op::IN); }, big) == Tri::False);
  CHECK(eval([](ImageBuilder&, CodeWriter& w) { w.op(Op::CTX, cIS).op(Op::CTX, cIS).op(Op::SET_EQ); }, big) == Tri::True);
  CHECK(eval([](ImageBuilder&, CodeWriter& w) { w.op(Op::CTX, cIS).op(Op::CTX, cIS).op(Op::CONTAINS_ALL); }, big) == Tri::True);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) {
    w.op(Op::CTX, cIS).op(Op::CONST, b.k(ConstImage::int_set(Type::integer(), {2, 4, 5, 8, 10, 11, 13, 14, 16}))).op(Op::CONTAINS_ANY);
  }, big) == Tri::False);
}

TEST_CASE("MKSET results are canonical", "[sets]") {
  // [s, s, "abc"] == ["abc"] with context.s = "abc"; [i, n, i] == [7, 5].
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) {
    w.op(Op::CTX, cS).op(Op::CTX, cS).op(Op::CONST, b.k_str("abc")).op(Op::MKSET, Type::string().code, 3);
    w.op(Op::CONST, b.k(ConstImage::string_set({"abc"}))).op(Op::SET_EQ);
  }) == Tri::True);
  CHECK(eval([](ImageBuilder& b, CodeWriter& w) {
    w.op(Op::ARG, 0).op(Op::CTX, cN).op(Op::ARG, 0).op(Op::MKSET, Type::integer().code, 3);
    w.op(Op::CONST, b.k(ConstImage::int_set(Type::integer(), {7, 5, 7}))).op(Op::SET_EQ);
  }) == Tri::True);
}

}  // namespace agentpol::test
