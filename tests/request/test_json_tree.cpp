// test_json_tree.cpp — the compact JSON tree: structure and order, numbers as
// written, the nesting limit, and hostile input (invalid UTF-8, truncation).
#include <catch2/catch.hpp>

#include "request/json_tree.h"

using namespace agentpol::request;

TEST_CASE("JSON tree keeps order, duplicates and subtree bounds", "[json_tree]") {
  JsonTree t;
  std::string err;
  REQUIRE(t.parse(R"({"b": [1, {"x": null}], "a": "s", "a": true})", &err));
  REQUIRE(t.node(0).kind == JsonKind::Object);
  CHECK(t.node(0).count == 3);
  CHECK(t.node(0).end == t.size());
  uint32_t b = t.find(0, "b");
  REQUIRE(b == 1);
  CHECK(t.node(b).kind == JsonKind::Array);
  CHECK(t.node(b).count == 2);
  uint32_t a = t.find(0, "a");  // the first of the two
  CHECK(t.node(a).kind == JsonKind::String);
  CHECK(t.str(t.node(a)) == "s");
  CHECK(t.node(t.node(a).end).kind == JsonKind::Bool);
  CHECK(t.find(0, "zz") == kNoNode);
}

TEST_CASE("JSON tree numbers: int64, above int64, floats as written", "[json_tree]") {
  JsonTree t;
  std::string err;
  REQUIRE(t.parse(R"([5, -9223372036854775808, 9223372036854775808, 5.0, 1e2, 123456789012345678901234])", &err));
  CHECK(t.node(1).kind == JsonKind::Int);
  CHECK(t.node(2).i == INT64_MIN);
  CHECK(t.node(3).kind == JsonKind::Uint);
  CHECK(t.node(4).kind == JsonKind::Float);
  CHECK(t.str(t.node(4)) == "5.0");
  CHECK(t.str(t.node(5)) == "1e2");
  CHECK(t.node(6).kind == JsonKind::Float);
  CHECK(t.str(t.node(6)) == "123456789012345678901234");
}

TEST_CASE("JSON tree refuses nesting beyond the limit without recursing", "[json_tree]") {
  JsonTree t;
  std::string err;
  std::string ok(kMaxJsonDepth, '[');
  ok += std::string(kMaxJsonDepth, ']');
  CHECK(t.parse(ok, &err));
  std::string deep(1000000, '[');
  CHECK_FALSE(t.parse(deep, &err));
  CHECK(err == "nesting deeper than 128 levels");
  std::string objs;
  for (int i = 0; i < 200000; ++i) objs += "{\"a\":";
  CHECK_FALSE(t.parse(objs, &err));
  CHECK(err == "nesting deeper than 128 levels");
}

TEST_CASE("JSON tree rejects malformed input with a position", "[json_tree]") {
  JsonTree t;
  std::string err;
  CHECK_FALSE(t.parse("{\"a\": \"\xff\"}", &err));  // invalid UTF-8
  CHECK(err.find("parse error") == 0);
  CHECK_FALSE(t.parse("{\"a\": 1", &err));
  CHECK(err.find("line 1, column") != std::string::npos);
  CHECK_FALSE(t.parse("{} {}", &err));
  CHECK_FALSE(t.parse("", &err));
  CHECK_FALSE(t.parse("   ", &err));
  CHECK_FALSE(t.parse("[1e999]", &err));
  CHECK_FALSE(t.parse(std::string("{\"a\":\0}", 7), &err));
  CHECK(t.parse("\"\xc3\xa9\"", &err));  // valid UTF-8 is fine
}

TEST_CASE("JSON tree: the fast path builds what the careful path builds", "[json_tree]") {
  const char* texts[] = {
      R"({"b": [1, {"x": null}], "a": "s", "a": true})",
      R"([5, -0, -9223372036854775808, 9223372036854775807, 9223372036854775808, 18446744073709551615])",
      R"([5.0, -0.0, 1e2, 1E+2, 2.5e-3, 0.1, 123456789012345678901234, -99999999999999999999])",
      R"({"k\"ey": "esc \" \\ \/ \b \f \n \r \t", "\u00e9": "\ud83d\ude00 \u0000 end"})",
      R"({"nums in strings": "1.5 and -2e3", "x": [1.25, "3.5", 4.75]})",
      "{\"\xc3\xa9t\xc3\xa9\": \"caf\xc3\xa9\", \"emoji\": \"\xf0\x9f\x98\x80\"}",
      R"(  {"ws" :  [ 1 , 2 ] ,"t":true,"f":false,"n":null}  )",
      R"("just a string")", "42", "-1.5", "true", "null", "[]", "{}", R"([[[[[]]]]])",
  };
  for (const char* text : texts) {
    INFO(text);
    JsonTree fast, careful;
    std::string a, b;
    REQUIRE(fast.parse(text, &a));
    REQUIRE(careful.parseReference(text, &b));
    CHECK(fast.equal(careful));
  }
  // Refused by both; the message is the careful path's, with a position.
  for (const char* text : {"{\"a\": 1", "[1,]", "{} {}", "[01]", "[1e999]", "\"\\ud800\"", "[tru]"}) {
    INFO(text);
    JsonTree fast, careful;
    std::string a, b;
    CHECK_FALSE(fast.parse(text, &a));
    CHECK_FALSE(careful.parseReference(text, &b));
    CHECK(a == b);
  }
}
