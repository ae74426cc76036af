// test_noalloc.cpp — deciding a warm request performs no heap allocation:
// this executable replaces the global operator new with a counting one.
#include "billing_request.h"
#include "image_builder.h"

#include <agentpol/engine.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<long> g_allocs{0};
}

namespace {
void* counted(size_t n) noexcept {
  g_allocs.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(n ? n : 1);
}
void* counted_or_throw(size_t n) {
  if (void* p = counted(n)) return p;
  throw std::bad_alloc();
}
}  // namespace

// Every replaceable form, so allocation and release always pair up.
void* operator new(size_t n) { return counted_or_throw(n); }
void* operator new[](size_t n) { return counted_or_throw(n); }
void* operator new(size_t n, const std::nothrow_t&) noexcept { return counted(n); }
void* operator new[](size_t n, const std::nothrow_t&) noexcept { return counted(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
void operator delete[](void* p, size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

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
  long before = g_allocs.load();
  Result r = engine.decide(req);
  CHECK(g_allocs.load() == before);
  CHECK(r.decision == Decision::Allow);
  before = g_allocs.load();
  for (int i = 0; i < 100; ++i) {
    req.reset();
    test::assistant_refunds(req, 1000 + i);
    r = engine.decide(req);
  }
  CHECK(g_allocs.load() == before);
  CHECK(r.decision == Decision::Allow);
  req.reset();
  test::support_bot_reads(req);
  decide(*bundle, req);
  before = g_allocs.load();
  Result r2 = decide(*bundle, req);
  CHECK(g_allocs.load() == before);
  CHECK(r2.decision == Decision::Allow);
}
