// bench_runtime.cpp — Google Benchmark of the runtime's hot path: deciding
// the billing requests (warm Request, through Engine and the bare decide()),
// building a request, and a synthetic policy of 10 000 rules.
#include "billing_request.h"
#include "image_builder.h"

#include <agentpol/engine.h>

#include <benchmark/benchmark.h>

using namespace agentpol;

namespace {

void BM_BillingRefundEngine(benchmark::State& state) {
  auto bundle = test::load_or_die(test::billing_image());
  Engine engine(bundle);
  Request req(bundle);
  test::assistant_refunds(req, 3200);
  for (auto _ : state) benchmark::DoNotOptimize(engine.decide(req).decision);
}
BENCHMARK(BM_BillingRefundEngine);

void BM_BillingReadDecide(benchmark::State& state) {
  auto bundle = test::load_or_die(test::billing_image());
  Request req(bundle);
  test::support_bot_reads(req);
  for (auto _ : state) benchmark::DoNotOptimize(decide(*bundle, req).decision);
}
BENCHMARK(BM_BillingReadDecide);

void BM_BillingBuildAndDecide(benchmark::State& state) {
  auto bundle = test::load_or_die(test::billing_image());
  Engine engine(bundle);
  Request req(bundle);
  for (auto _ : state) {
    req.reset();
    test::assistant_refunds(req, 3200);
    benchmark::DoNotOptimize(engine.decide(req).decision);
  }
}
BENCHMARK(BM_BillingBuildAndDecide);

// 10 000 rules over 100 actions and 50 agents, effects mixed; each compares
// the amount argument with its own threshold. The request matches none, so
// a decision evaluates every rule of its action (about 100) and no others.
BundleImage big_image(size_t rules) {
  test::ImageBuilder b;
  b.im.agent_type = b.add_entity("Agent");
  for (int a = 0; a < 100; ++a) b.add_action("act" + std::to_string(a), {}, {test::slot("amount", Type::integer())});
  for (int g = 0; g < 50; ++g) b.add_agent("agent" + std::to_string(g));
  for (size_t r = 0; r < rules; ++r) {
    CodeWriter w;
    w.op(Op::ARG, 0).op(Op::CONST, b.k_int(static_cast<int64_t>(r))).op(r % 7 ? Op::LT : Op::EQ).op(Op::RET);
    size_t k = (r / 100) % 10;
    Effect e = k == 0 ? Effect::Forbid : k == 1 ? Effect::Escalate : Effect::Permit;
    std::vector<uint32_t> agents;
    if (r % 3 == 0) agents = {static_cast<uint32_t>(r % 50)};
    b.rule("r" + std::to_string(r), e, Side::Agent, {static_cast<uint32_t>(r % 100)}, w.finish(), agents);
  }
  return b.im;
}

void BM_TenThousandRules(benchmark::State& state) {
  auto bundle = test::load_or_die(big_image(10000));
  Request req(bundle);
  req.set_now(0);
  req.set_agent("agent7");
  req.set_action("act42");
  req.set_arg("amount", Value::integer(1000000));  // matches no rule: every list is evaluated
  for (auto _ : state) benchmark::DoNotOptimize(decide(*bundle, req).decision);
}
BENCHMARK(BM_TenThousandRules);

void BM_LoadBilling(benchmark::State& state) {
  std::vector<uint8_t> bytes = serialize(test::billing_image());
  for (auto _ : state) benchmark::DoNotOptimize(load_bundle(bytes).bundle);
}
BENCHMARK(BM_LoadBilling);

}  // namespace

BENCHMARK_MAIN();
