// test_hostile.cpp — the loader rejects bad code and bad tables with an
// error value: bad/backward/misaligned jumps, type confusion, stack overflow
// and underflow, out-of-range indices, unreachable code, join mismatches,
// malformed varints, schema and rule-index inconsistencies.
#include "bundle/format.h"
#include "bundle/wire.h"
#include "mini.h"

#include <catch2/catch.hpp>

using namespace agentpol;
using namespace agentpol::test;

namespace {

bool rejects(const Emit& emit, const char* fragment) {
  std::string err = load_error(emit);
  INFO("error: " << err);
  CHECK(err.find(fragment) != std::string::npos);
  return !err.empty();
}

std::string raw_error(std::vector<uint8_t> code) {
  ImageBuilder b = mini_schema();
  b.k_int(1);
  b.rule("cond", Effect::Permit, Side::Agent, {0}, CodeImage{std::move(code)});
  LoadResult r = load_bundle(b.bytes());
  return r ? std::string() : r.error;
}

uint8_t op(Op o) { return static_cast<uint8_t>(o); }

std::string image_error(const BundleImage& im) {
  LoadResult r = load_bundle(serialize(im));
  return r ? std::string() : r.error;
}

}  // namespace

TEST_CASE("a valid block loads", "[hostile]") {
  CHECK(load_error([](ImageBuilder&, CodeWriter& w) { w.op(Op::BOOL, 1).op(Op::RET); }).empty());
  CHECK(raw_error({op(Op::BOOL), 1, op(Op::RET)}).empty());
}

TEST_CASE("jumps must land forward on an instruction boundary", "[hostile]") {
  // JMP over nothing to the end of the block (not an instruction)
  CHECK(raw_error({op(Op::BOOL), 1, op(Op::JMP), 2, op(Op::RET)}).find("boundary") != std::string::npos);
  // into the middle of BOOL's operand
  CHECK(raw_error({op(Op::JMP), 1, op(Op::BOOL), 1, op(Op::RET)}).find("boundary") != std::string::npos);
  // a huge offset (what a "backward" jump becomes in an unsigned encoding)
  CHECK(raw_error({op(Op::JMP), 0xff, 0xff, 0xff, 0xff, 0x0f, op(Op::BOOL), 1, op(Op::RET)}).find("boundary") != std::string::npos);
  // offsets beyond 32 bits
  CHECK(!raw_error({op(Op::JMP), 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, op(Op::BOOL), 1, op(Op::RET)}).empty());
  // a valid forward JMP 0 (to the next instruction)
  CHECK(raw_error({op(Op::JMP), 0, op(Op::BOOL), 1, op(Op::RET)}).empty());
}

TEST_CASE("operand encodings are strict", "[hostile]") {
  CHECK(!raw_error({op(Op::BOOL), 0x81, 0x00, op(Op::RET)}).empty());  // non-minimal varint
  CHECK(!raw_error({op(Op::BOOL), 2, op(Op::RET)}).empty());           // Bool immediate 2
  CHECK(!raw_error({op(Op::BOOL)}).empty());                           // truncated operand
  CHECK(raw_error({0xEE, op(Op::RET)}).find("unknown opcode") != std::string::npos);
  CHECK(raw_error({static_cast<uint8_t>(kOpCount)}).find("unknown opcode") != std::string::npos);
  CHECK(raw_error({}).find("RET") != std::string::npos);
  CHECK(raw_error({op(Op::BOOL), 1}).find("RET") != std::string::npos);
}

TEST_CASE("type confusion is rejected", "[hostile]") {
  rejects([](ImageBuilder& b, CodeWriter& w) { w.op(Op::CONST, b.k_int(1)).op(Op::CONST, b.k_str("x")).op(Op::ADD).op(Op::RET); }, "arithmetic");
  rejects([](ImageBuilder& b, CodeWriter& w) { w.op(Op::CONST, b.k_int(1)).op(Op::CONST, b.k_eur(1)).op(Op::EQ).op(Op::RET); }, "EQ");
  rejects([](ImageBuilder& b, CodeWriter& w) {
    w.op(Op::CONST, b.k_eur(1)).op(Op::CONST, b.k(ConstImage::scalar(Type::money("USD"), 1))).op(Op::LT).op(Op::RET);
  }, "comparison");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::CTX, cS).op(Op::CTX, cS).op(Op::LT).op(Op::RET); }, "comparison");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::CTX, cSS).op(Op::CTX, cSS).op(Op::EQ).op(Op::RET); }, "EQ");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::CTX, cN).op(Op::CTX, cN).op(Op::SET_EQ).op(Op::RET); }, "SET_EQ");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::CTX, cN).op(Op::RET); }, "wrong type");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::CTX, cN).op(Op::NOT).op(Op::RET); }, "wrong type");
  rejects([](ImageBuilder&, CodeWriter& w) { auto l = w.label(); w.op(Op::CTX, cN).jump(Op::JF, l).bind(l).op(Op::BOOL, 1).op(Op::RET); }, "wrong type");
  rejects([](ImageBuilder&, CodeWriter& w) { auto l = w.label(); w.op(Op::CTX, cN).jump(Op::JFK, l).bind(l).op(Op::RET); }, "Bool");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::USER).op(Op::ATTR, tRes, rSize).op(Op::RET); }, "wrong type");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::CTX, cS).op(Op::ID).op(Op::RET); }, "ID");
  rejects([](ImageBuilder& b, CodeWriter& w) { w.op(Op::CONST, b.k_int(1)).op(Op::CTX, cSS).op(Op::IN).op(Op::RET); }, "IN");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::CTX, cSS).op(Op::CTX, cIS).op(Op::CONTAINS_ALL).op(Op::RET); }, "set");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::CTX, cN).op(Op::IS_EMPTY).op(Op::RET); }, "IS_EMPTY");
  rejects([](ImageBuilder& b, CodeWriter& w) { w.op(Op::CTX, cN).op(Op::MUL, b.k_str("x")).op(Op::BOOL, 1).op(Op::RET); }, "MUL");
  rejects([](ImageBuilder& b, CodeWriter& w) { w.op(Op::CTX, cT).op(Op::MUL, b.k_int(2)).op(Op::BOOL, 1).op(Op::RET); }, "Int, Money or Duration");
  rejects([](ImageBuilder& b, CodeWriter& w) { w.op(Op::CTX, cN).op(Op::LIKE, b.pattern("*")).op(Op::RET); }, "wrong type");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::CTX, cN).op(Op::CTX, cS).op(Op::MKSET, Type::integer().code, 2).op(Op::IS_EMPTY).op(Op::RET); }, "wrong type");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::CTX, cD).op(Op::CTX, cT).op(Op::ADD).op(Op::BOOL, 1).op(Op::RET); }, "arithmetic");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::CTX, cT).op(Op::CTX, cT).op(Op::ADD).op(Op::BOOL, 1).op(Op::RET); }, "arithmetic");
}

TEST_CASE("stack overflow, underflow and leftovers are rejected", "[hostile]") {
  rejects([](ImageBuilder&, CodeWriter& w) {
    for (uint32_t i = 0; i <= kMaxStack; ++i) w.op(Op::BOOL, 1);
    for (uint32_t i = 0; i < kMaxStack; ++i) w.op(Op::EQ);
    w.op(Op::RET);
  }, "overflow");
  CHECK(load_error([](ImageBuilder&, CodeWriter& w) {
    for (uint32_t i = 0; i < kMaxStack; ++i) w.op(Op::BOOL, 1);
    for (uint32_t i = 1; i < kMaxStack; ++i) w.op(Op::EQ);
    w.op(Op::RET);
  }).empty());
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::EQ).op(Op::RET); }, "underflow");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::RET); }, "underflow");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::BOOL, 1).op(Op::BOOL, 1).op(Op::RET); }, "leaves values");
  rejects([](ImageBuilder&, CodeWriter& w) {
    for (int i = 0; i < 3; ++i) w.op(Op::CTX, cN).op(Op::MKSET, Type::integer().code, kMaxScratch / 2 + 0).op(Op::IS_EMPTY).op(Op::NOT).op(Op::NOT);
    w.op(Op::RET);
  }, "underflow");
}

TEST_CASE("the scratch area for set literals is bounded", "[hostile]") {
  auto sets = [](uint32_t count, uint32_t n) {
    return [=](ImageBuilder&, CodeWriter& w) {
      for (uint32_t s = 0; s < count; ++s) {
        for (uint32_t i = 0; i < n; ++i) w.op(Op::BOOL, 1);
        w.op(Op::MKSET, Type::boolean().code, n).op(Op::IS_EMPTY);
        if (s > 0) w.op(Op::EQ);
      }
      w.op(Op::RET);
    };
  };
  CHECK(load_error(sets(2, 100)).empty());
  rejects(sets(3, 100), "scratch");
  CHECK(raw_error({op(Op::MKSET), 0, 0x81, 0x04, op(Op::IS_EMPTY), op(Op::RET)}).find("too large") != std::string::npos);
}

TEST_CASE("out-of-range indices are rejected", "[hostile]") {
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::CONST, 999).op(Op::RET); }, "constant index");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::CTX, 99).op(Op::RET); }, "context slot");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::HAS_CTX, 99).op(Op::RET); }, "context slot");
  rejects([](ImageBuilder& b, CodeWriter& w) { w.op(Op::PARAM, 1).op(Op::ID).op(Op::LIKE, b.pattern("*")).op(Op::RET); }, "parameter");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::ARG, 3).op(Op::RET); }, "argument");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::HAS_ARG, 3).op(Op::RET); }, "argument");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::USER).op(Op::ATTR, tUser, 9).op(Op::RET); }, "attribute slot");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::USER).op(Op::HAS_ATTR, 9, 0).op(Op::RET); }, "attribute slot");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::CTX, cS).op(Op::LIKE, 5).op(Op::RET); }, "pattern");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::MKSET, Type::entity(42).code, 0).op(Op::IS_EMPTY).op(Op::RET); }, "element type");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::MKSET, Type::set_of(Type::integer()).code, 0).op(Op::IS_EMPTY).op(Op::RET); }, "element type");
}

TEST_CASE("joins must agree and every instruction must be reachable", "[hostile]") {
  rejects([](ImageBuilder& b, CodeWriter& w) {
    auto l = w.label();
    w.op(Op::BOOL, 1).jump(Op::JF, l).op(Op::CONST, b.k_int(1));
    w.bind(l).op(Op::BOOL, 1).op(Op::RET);
  }, "differ");
  rejects([](ImageBuilder& b, CodeWriter& w) {
    auto els = w.label(), end = w.label();
    w.op(Op::BOOL, 1).jump(Op::JF, els).op(Op::CONST, b.k_int(1)).jump(Op::JMP, end);
    w.bind(els).op(Op::CONST, b.k_str("x"));
    w.bind(end).op(Op::IS_EMPTY).op(Op::RET);
  }, "differ");
  rejects([](ImageBuilder&, CodeWriter& w) { w.op(Op::BOOL, 1).op(Op::RET).op(Op::BOOL, 1).op(Op::RET); }, "unreachable");
  rejects([](ImageBuilder&, CodeWriter& w) { auto l = w.label(); w.jump(Op::JMP, l).op(Op::BOOL, 0).bind(l).op(Op::BOOL, 1).op(Op::RET); }, "unreachable");
}

TEST_CASE("USER or AGENT need their entity types", "[hostile]") {
  ImageBuilder b = mini_schema();
  b.im.user_type.reset();
  CodeWriter w;
  w.op(Op::USER).op(Op::ID).op(Op::LIKE, b.pattern("*")).op(Op::RET);
  b.rule("r", Effect::Permit, Side::Agent, {0}, w.finish());
  CHECK(image_error(b.im).find("User") != std::string::npos);
}

TEST_CASE("schema tables are checked", "[hostile]") {
  auto base = [] {
    ImageBuilder b = mini_schema();
    b.rule("r", Effect::Permit, Side::Agent, {0}, always(true));
    return b.im;
  };
  REQUIRE(image_error(base()).empty());
  BundleImage im = base();
  im.actions[1].name = "act";
  CHECK(image_error(im).find("duplicate action") != std::string::npos);
  im = base();
  im.context[0].type = Type{0xF};
  CHECK(image_error(im).find("bad type") != std::string::npos);
  im = base();
  im.context[0].type = Type::entity(77);
  CHECK(image_error(im).find("bad type") != std::string::npos);
  im = base();
  im.context[0].type = Type{Type::money("EUR").code | (31u << 5)};
  CHECK(image_error(im).find("bad type") != std::string::npos);
  im = base();
  im.context[0].type = Type::record(0);
  CHECK(!image_error(im).empty());
  im = base();
  im.actions[0].params[0].type = Type::integer();
  CHECK(image_error(im).find("not a required entity") != std::string::npos);
  im = base();
  im.constants.push_back(ConstImage::scalar(Type::enumeration(kColor), 3));
  CHECK(image_error(im).find("enum constant") != std::string::npos);
  im = base();
  im.constants.push_back(ConstImage::scalar(Type::boolean(), 2));
  CHECK(image_error(im).find("Bool constant") != std::string::npos);
  im = base();
  im.constants.push_back(ConstImage::int_set(Type::entity(0), {0}));
  CHECK(image_error(im).find("entity constants") != std::string::npos);
  im = base();
  im.constants.push_back(ConstImage{Type::string(), {1}, {}});  // not representable: misparses
  CHECK(!image_error(im).empty());
  im = base();
  im.rules.push_back(im.rules[0]);
  CHECK(image_error(im).find("duplicate rule id") != std::string::npos);
  im = base();
  im.code.push_back(always(false));
  CHECK(image_error(im).find("used by no rule") != std::string::npos);
  im = base();
  im.agents.push_back(AgentImage{"g", "o", "p", {}, {}, true, {1, 0}});
  CHECK(image_error(im).find("ascending") != std::string::npos);
  im = base();
  im.agents.push_back(AgentImage{"g", "o", "p", {}, {}, true, {7}});
  CHECK(!image_error(im).empty());
  im = base();
  im.patterns.push_back(PatternImage{});
  CHECK(image_error(im).find("segments") != std::string::npos);
  im = base();
  im.rules[0].bodies[0].code = 5;
  CHECK(image_error(im).find("unknown code block") != std::string::npos);
}

TEST_CASE("the rule index is checked for consistency", "[hostile]") {
  // Build raw index bytes by hand: one action, a user rule listed as an agent rule.
  ImageBuilder b = mini_schema();
  b.add_agent("g1");
  b.rule("u", Effect::Permit, Side::User, {0}, always(true));
  b.rule("f", Effect::Forbid, Side::Agent, {0}, always(true), {0});
  std::vector<uint8_t> good = b.bytes();
  REQUIRE(load_bundle(good));
  // The index is the file's tail but for the debug table's count (0: none):
  // per action, user lists (permit, forbid, escalate), every-agent lists,
  // then named agents with their lists.
  std::vector<uint8_t> tail = {1, 0, 0, 0, 0,  0, 0, 0,  1, 0, 0, 1, 1, 0, 0,  // action act
                               0, 0, 0,  0, 0, 0,  0,                         // action other
                               0};                                            // no debug table
  std::vector<uint8_t> got(good.end() - static_cast<long>(tail.size()), good.end());
  REQUIRE(got == tail);
  auto mutate = [&](size_t at, uint8_t v) {
    std::vector<uint8_t> bad = good;
    bad[bad.size() - tail.size() + at] = v;
    uint64_t sum = bundle_checksum(bad.data(), bad.size());
    for (unsigned i = 0; i < 8; ++i) bad[kOffChecksum + i] = static_cast<uint8_t>(sum >> (8 * i));
    LoadResult r = load_bundle(bad);
    return r ? std::string() : r.error;
  };
  CHECK(mutate(1, 1).find("wrong effect") != std::string::npos);   // forbid rule in a permit list
  CHECK(mutate(12, 0).find("wrong effect") != std::string::npos);  // permit rule in a forbid list
  CHECK(mutate(9, 1).find("unknown agent") != std::string::npos);
  CHECK(mutate(2, 9).find("unknown code block") != std::string::npos);
  CHECK(mutate(1, 7).find("unknown rule") != std::string::npos);
  CHECK(!mutate(5, 1).empty());  // a list count that shifts the rest of the index
}
