// test_noalloc.cpp — reading a request with a warm RequestReader (simdjson's
// buffers sized, the Request's storage grown) and deciding it performs no
// heap allocation: this executable links the counting operator new of
// tests/runtime/alloc_counter.cpp. Both JSON paths: text (read in place from
// simdjson's tape) and a node of a parsed tree.
#include <catch2/catch.hpp>

#include <agentpol/engine.h>

#include "alloc_counter.h"
#include "fixture.h"
#include "request/request_reader.h"

using namespace agentpol;

TEST_CASE("a warm reader reads and decides without allocating", "[noalloc]") {
  auto bundle = test::kitchenBundle();
  // Two different requests, so that nothing is merely cached.
  std::string a = test::kitchen(), b = test::kitchen(R"({"args": {"qty": 3}})");
  request::RequestReader reader(bundle);
  request::JsonTree tree;
  Request req(bundle);
  Engine engine(bundle);
  std::string error;
  std::string texts[] = {a, b};
  for (int warm = 0; warm < 3; ++warm)
    for (const std::string& t : texts) {
      REQUIRE(reader.read(t, req, &error) == request::ReadStatus::Ok);
      REQUIRE(req.ok());
      engine.decide(req);
      REQUIRE(tree.parse(t, &error));
      REQUIRE(reader.read(tree, 0, req, &error) == request::ReadStatus::Ok);
      engine.decide(req);
    }
  long before = test::allocations();
  for (int i = 0; i < 100; ++i)
    for (const std::string& t : texts) {
      reader.read(t, req, &error);
      engine.decide(req);
    }
  CHECK(test::allocations() - before == 0);
  before = test::allocations();
  for (int i = 0; i < 100; ++i)
    for (const std::string& t : texts) {
      tree.parse(t, &error);
      reader.read(tree, 0, req, &error);
      engine.decide(req);
    }
  CHECK(test::allocations() - before == 0);
}
