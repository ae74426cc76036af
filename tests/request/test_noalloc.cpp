// test_noalloc.cpp — reading a request with a warm RequestReader (simdjson's
// buffers sized, the Request's storage grown) and deciding it performs no
// heap allocation: this executable replaces the global operator new with a
// counting one. Both JSON paths: text (read in place from simdjson's tape)
// and a node of a parsed tree.
#include <catch2/catch.hpp>

#include <agentpol/engine.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "fixture.h"
#include "request/request_reader.h"

namespace {
std::atomic<long> g_allocs{0};
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
  long before = g_allocs.load();
  for (int i = 0; i < 100; ++i)
    for (const std::string& t : texts) {
      reader.read(t, req, &error);
      engine.decide(req);
    }
  CHECK(g_allocs.load() - before == 0);
  before = g_allocs.load();
  for (int i = 0; i < 100; ++i)
    for (const std::string& t : texts) {
      tree.parse(t, &error);
      reader.read(tree, 0, req, &error);
      engine.decide(req);
    }
  CHECK(g_allocs.load() - before == 0);
}
