// test_noalloc.cpp — deciding a warm request performs no heap allocation:
// this executable links the counting operator new of alloc_counter.cpp.
#include "alloc_counter.h"
#include "billing_request.h"
#include "image_builder.h"

#include <agentpol/engine.h>

#include <catch2/catch.hpp>

using namespace agentpol;

TEST_CASE("a warm decide() and request rebuild allocate nothing", "[noalloc]") {
  auto bundle = test::load_or_die(test::billing_image());
  Engine engine(bundle);
  Request req(bundle);
  for (int i = 0; i < 3; ++i) {  // warm up storage
    req.reset();
    test::assistant_refunds(req, 3200 + i);
    engine.decide(req);
  }
  long before = test::allocations();
  Result r = engine.decide(req);
  CHECK(test::allocations() == before);
  CHECK(r.decision == Decision::Allow);
  before = test::allocations();
  for (int i = 0; i < 100; ++i) {
    req.reset();
    test::assistant_refunds(req, 1000 + i);
    r = engine.decide(req);
  }
  CHECK(test::allocations() == before);
  CHECK(r.decision == Decision::Allow);
  req.reset();
  test::support_bot_reads(req);
  decide(*bundle, req);
  before = test::allocations();
  Result r2 = decide(*bundle, req);
  CHECK(test::allocations() == before);
  CHECK(r2.decision == Decision::Allow);
}
