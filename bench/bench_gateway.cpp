// bench_gateway.cpp — the CPU cost of the gateway's own work per tools/call,
// without pipes or processes: a Session on in-memory peers deciding an
// allowed echo call (parse, revocation check on a real SQLite state
// database, request read, decide, audit line written to /dev/null, forward)
// and relaying the server's answer; and a denied call. The policy is
// compiled from source by the real compiler.
#include <benchmark/benchmark.h>

#include "core/session.h"
#include "policy_load.h"

#include <cstdlib>
#include <fstream>

namespace {

using namespace agentpol::gateway;

const char* const kPolicy = R"(
entity Agent {}
action echo { message: String }
agent echo_bot { owner: "t", purpose: "echoes", reviewed: 2026-11-01, may: [echo] }
@id("echo-not-secret") permit agent echo_bot to echo when !(message like "*secret*");
)";

struct Null : Peers {
  size_t bytes = 0;
  void to_client(std::string_view m) override { bytes += m.size(); }
  void to_server(std::string_view m) override { bytes += m.size(); }
  void note(std::string_view) override {}
};

struct Fixture {
  std::string dir;
  std::unique_ptr<PolicyFiles> files;
  std::unique_ptr<StateDb> state;
  std::unique_ptr<FileAudit> audit;
  Null peers;
  std::unique_ptr<Session> session;

  Fixture() {
    char tmpl[] = "/tmp/agentpol-bench-gw-XXXXXX";
    dir = mkdtemp(tmpl);
    auto loaded = agentpol::test::loadPolicyText(kPolicy);
    std::vector<uint8_t> bytes = agentpol::serialize(agentpol::test::compileAndLoad(*loaded->policy)->image());
    std::ofstream(dir + "/b.apb", std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    files = std::make_unique<PolicyFiles>(PolicyPaths{dir + "/b.apb", "", "", ""}, Caller{"echo_bot", {}});
    std::vector<ReloadEvent> events;
    std::string error;
    if (!files->load(1795874580000, &events, &error)) std::abort();
    state = StateDb::open(dir + "/state", &error);
    audit = FileAudit::open("/dev/null", false, &error);
    SessionInputs in{files.get(), audit.get(), [this](std::string_view a) { return state->is_revoked(a); },
                     [] { return int64_t(1795874580000); }};
    session = std::make_unique<Session>(SessionOptions{Caller{"echo_bot", {}}, false}, in, peers);
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void BM_AllowedCallRoundTrip(benchmark::State& st) {
  Fixture& f = fixture();
  const std::string call =
      R"({"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"echo","arguments":{"message":"hello"}}})";
  const std::string answer = R"({"result":{"content":[{"type":"text","text":"Echo: hello"}]},"jsonrpc":"2.0","id":7})";
  for (auto _ : st) {
    f.session->client_message(call);
    f.session->server_message(answer);
  }
  benchmark::DoNotOptimize(f.peers.bytes);
}
BENCHMARK(BM_AllowedCallRoundTrip);

void BM_DeniedCall(benchmark::State& st) {
  Fixture& f = fixture();
  const std::string call =
      R"({"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"echo","arguments":{"message":"a secret"}}})";
  for (auto _ : st) f.session->client_message(call);
  benchmark::DoNotOptimize(f.peers.bytes);
}
BENCHMARK(BM_DeniedCall);

void BM_RevocationCheck(benchmark::State& st) {
  Fixture& f = fixture();
  for (auto _ : st) benchmark::DoNotOptimize(f.state->is_revoked("echo_bot"));
}
BENCHMARK(BM_RevocationCheck);

}  // namespace

BENCHMARK_MAIN();
