// test_strict_json.cpp — parse_strict's two refusals (a key given twice in
// one object, at any size and depth; nesting past the bound) and what it
// still accepts (the same key in different objects), and append_json_text.
#include "core/strict_json.h"

#include <agentpol/audit.h>

#include <catch2/catch.hpp>

#include <string>

using namespace agentpol::gateway;

namespace {

std::string object_with_keys(int n, int repeat_at = -1) {
  std::string s = "{";
  for (int i = 0; i < n; ++i) {
    if (i) s += ",";
    s += "\"k" + std::to_string(i == repeat_at ? 0 : i) + "\":" + std::to_string(i);
  }
  return s + "}";
}

bool parses(const std::string& text, std::string* error = nullptr) {
  json doc;
  std::string why;
  bool ok = parse_strict(text, &doc, &why);
  if (error) *error = why;
  return ok;
}

}  // namespace

TEST_CASE("strict json: a key given twice in one object is refused", "[strict_json]") {
  std::string error;
  CHECK_FALSE(parses(R"({"a":1,"b":2,"a":3})", &error));
  CHECK(error == "key \"a\" given twice in one object");
  CHECK_FALSE(parses(R"({"x":{"a":1,"a":1}})"));
  CHECK_FALSE(parses(R"([{"a":1},{"b":1,"b":2}])"));
  // Past the in-place scan (16 keys) the check goes on with a hash set.
  for (int n : {15, 16, 17, 40, 5000}) {
    INFO(n << " keys");
    CHECK(parses(object_with_keys(n)));
    CHECK_FALSE(parses(object_with_keys(n, n - 1)));
  }
  CHECK_FALSE(parses(object_with_keys(40, 17)));
}

TEST_CASE("strict json: the same key in different objects is fine", "[strict_json]") {
  CHECK(parses(R"({"a":{"a":{"a":1}},"b":{"a":2},"c":[{"a":1},{"a":2}]})"));
  // A nested object closes before its parent's next key: the parent's keys
  // are still checked against each other only.
  CHECK(parses("{\"a\":" + object_with_keys(30) + ",\"k0\":1,\"b\":" + object_with_keys(20) + "}"));
  CHECK_FALSE(parses("{\"a\":" + object_with_keys(30) + ",\"a\":1}"));
}

TEST_CASE("strict json: nesting is bounded", "[strict_json]") {
  auto nested = [](int levels, char open, char close) {
    return std::string(levels, open) + std::string(levels, close);
  };
  std::string error;
  CHECK(parses(nested(kMaxJsonDepth, '[', ']')));
  CHECK_FALSE(parses(nested(kMaxJsonDepth + 1, '[', ']'), &error));
  CHECK(error == "nesting deeper than 128 levels");
  std::string objects;
  for (int i = 0; i <= kMaxJsonDepth; ++i) objects += "{\"a\":";
  CHECK_FALSE(parses(objects + "1" + std::string(kMaxJsonDepth + 1, '}')));
}

TEST_CASE("strict json: append_json_text always writes valid JSON", "[strict_json]") {
  for (std::string s : {std::string("plain"), std::string("q\"\\\n\x01"), std::string("caf\xc3\xa9"),
                        std::string("bad\xff"), std::string("\xe2\x82")}) {
    std::string out;
    append_json_text(s, &out);
    json back;
    REQUIRE_NOTHROW(back = json::parse(out));
    if (s != "bad\xff" && s != "\xe2\x82") CHECK(back == s);
  }
  std::string out;
  append_json_text("bad\xff", &out);
  CHECK(json::parse(out) == "bad\xef\xbf\xbd");
}
