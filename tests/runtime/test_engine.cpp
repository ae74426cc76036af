// test_engine.cpp — Engine: swap, kill switch and audit hook are effective on
// the next decision, a hook that cannot store its record turns the decision
// into deny/audit_failed, and several threads deciding while another swaps
// bundles and revokes agents always see one consistent state.
#include "billing_request.h"
#include "image_builder.h"

#include <agentpol/engine.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <functional>
#include <stdexcept>
#include <thread>

using namespace agentpol;

namespace {

std::shared_ptr<const Bundle> billing_with_read_forbidden() {
  BundleImage im = test::billing_image();
  for (RuleImage& r : im.rules)
    if (r.id == "read-invoices") r.effect = Effect::Forbid;
  return test::load_or_die(im);
}

}  // namespace

TEST_CASE("swap, revoke and unrevoke take effect on the next decision", "[engine]") {
  auto a = test::load_or_die(test::billing_image());
  auto b = billing_with_read_forbidden();
  Engine engine(a);
  Request req(a);
  test::support_bot_reads(req);
  CHECK(engine.decide(req).decision == Decision::Allow);
  engine.swap(b);
  CHECK(engine.current() == b);
  Result r = engine.decide(req);
  CHECK(r.reason == Reason::Forbidden);
  REQUIRE(r.rule_count == 1);
  CHECK(r.rule_id(0) == "read-invoices");
  engine.swap(a);
  engine.revoke("support_bot");
  CHECK(engine.is_revoked("support_bot"));
  CHECK(engine.decide(req).reason == Reason::Revoked);
  engine.revoke("support_bot");  // idempotent
  engine.unrevoke("support_bot");
  CHECK(!engine.is_revoked("support_bot"));
  CHECK(engine.decide(req).decision == Decision::Allow);
  engine.unrevoke("never_revoked");
  engine.swap(nullptr);  // ignored
  CHECK(engine.current() == a);
}

TEST_CASE("the audit hook sees every decision once", "[engine]") {
  auto a = test::load_or_die(test::billing_image());
  Engine engine(a);
  int calls = 0;
  std::string agent;
  engine.set_audit_hook([&](const AuditRecord& rec) {
    ++calls;
    agent = std::string(rec.agent());
  });
  Request req(a);
  test::support_bot_reads(req);
  engine.decide(req);
  engine.decide(req);
  CHECK(calls == 2);
  CHECK(agent == "support_bot");
  engine.set_audit_hook(nullptr);
  engine.decide(req);
  CHECK(calls == 2);
}

TEST_CASE("a hook that cannot store the record: no decision, deny/audit_failed", "[engine][audit]") {
  auto a = test::load_or_die(test::billing_image());
  Engine engine(a);
  bool stored = true;
  std::string seen;
  engine.set_audit_hook(AuditHook([&](const AuditRecord& rec) {
    seen = to_string(rec.result().decision);
    return stored;
  }));
  Request req(a);
  test::support_bot_reads(req);
  Result r = engine.decide(req);
  CHECK(r.decision == Decision::Allow);
  stored = false;
  r = engine.decide(req);
  CHECK(seen == "allow");  // the hook saw the real decision ...
  CHECK(r.decision == Decision::Deny);  // ... which was not made
  CHECK(r.reason == Reason::AuditFailed);
  CHECK(std::string(to_string(r.reason)) == "audit_failed");
  CHECK(r.rule_count == 0);
  CHECK(r.message.find("audit") != std::string_view::npos);
  CHECK(r.bundle == a.get());
  // A hook written to return void cannot fail; an empty one is no hook.
  engine.set_audit_hook([&](const AuditRecord&) { seen = "void hook"; });
  CHECK(engine.decide(req).decision == Decision::Allow);
  CHECK(seen == "void hook");
  engine.set_audit_hook(std::function<void(const AuditRecord&)>());
  seen.clear();
  CHECK(engine.decide(req).decision == Decision::Allow);
  CHECK(seen.empty());
  // A hook that throws: decide() throws, no decision is returned.
  engine.set_audit_hook(AuditHook([](const AuditRecord&) -> bool { throw std::runtime_error("sink down"); }));
  CHECK_THROWS_WITH(engine.decide(req), "sink down");
}

TEST_CASE("an engine without a bundle denies", "[engine]") {
  auto a = test::load_or_die(test::billing_image());
  Engine engine(nullptr);
  Request req(a);
  test::support_bot_reads(req);
  Result r = engine.decide(req);
  CHECK(r.decision == Decision::Deny);
  CHECK(r.reason == Reason::BadRequest);
}

TEST_CASE("threads decide while bundles swap and agents are revoked", "[engine][threads]") {
  auto a = test::load_or_die(test::billing_image());
  auto b = billing_with_read_forbidden();
  Engine engine(a);
  std::atomic<long> audits{0};
  engine.set_audit_hook([&](const AuditRecord&) { audits.fetch_add(1, std::memory_order_relaxed); });
  std::atomic<bool> stop{false};
  std::atomic<long> decisions{0}, bad{0}, allowed{0}, forbidden{0}, revoked{0};
  auto decider = [&] {
    Request req(a);
    while (!stop.load(std::memory_order_relaxed)) {
      req.reset();
      test::support_bot_reads(req);
      Result r = engine.decide(req);
      bool ok = (r.decision == Decision::Allow && r.reason == Reason::Permitted && r.rule_count == 1) ||
                (r.reason == Reason::Forbidden && r.rule_count == 1) ||
                (r.reason == Reason::Revoked && r.rule_count == 0);
      if (r.rule_count == 1 && r.rule_id(0) != "read-invoices") ok = false;
      if (!ok) bad.fetch_add(1);
      (r.reason == Reason::Permitted ? allowed : r.reason == Reason::Forbidden ? forbidden : revoked).fetch_add(1);
      decisions.fetch_add(1, std::memory_order_relaxed);
    }
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) threads.emplace_back(decider);
  std::thread writer([&] {
    for (int i = 0; i < 2000; ++i) {
      engine.swap(i % 2 ? b : a);
      if (i % 3 == 0) engine.revoke("support_bot");
      if (i % 3 == 1) engine.unrevoke("support_bot");
      if (i % 50 == 0) std::this_thread::yield();
    }
    engine.swap(a);
    engine.unrevoke("support_bot");
    stop = true;
  });
  writer.join();
  for (auto& t : threads) t.join();
  CHECK(bad.load() == 0);
  CHECK(decisions.load() > 0);
  CHECK(audits.load() == decisions.load());
  Request req(a);
  test::support_bot_reads(req);
  CHECK(engine.decide(req).decision == Decision::Allow);
  SUCCEED("decisions " << decisions << " allowed " << allowed << " forbidden " << forbidden << " revoked " << revoked);
}
