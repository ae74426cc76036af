// bench_token.cpp — what verifying one access token costs the HTTP gateway
// (spec section 13): TokenVerifier::verify (the JWKS file's stat, the JWS
// checks, the signature, the claims) for each algorithm, with keys and
// tokens made by OpenSSL at start (tests/gateway/token_mint), and a refused
// token that fails before any signature work.
#include <benchmark/benchmark.h>

#include "auth/token_verifier.h"
#include "token_mint.h"

#include <cstdlib>
#include <fstream>
#include <unistd.h>

namespace {

using namespace agentpol::gateway;
using namespace agentpol::gateway::auth;
using namespace agentpol::gateway::test;

constexpr int64_t kNow = 1800000000;

struct Fixture {
  SigningKey ed = make_key("OKP", "ed"), ec = make_key("EC", "ec"), rsa = make_key("RSA", "rsa");
  std::string path = "/tmp/agentpol-bench-jwks-" + std::to_string(::getpid()) + ".json";
  std::unique_ptr<JwksFile> file;
  std::unique_ptr<TokenVerifier> verifier;
  Fixture() {
    std::ofstream(path) << jwks_of({&ed, &ec, &rsa});
    file = std::make_unique<JwksFile>(path);
    std::string error;
    if (!file->load(&error)) std::abort();
    verifier = std::make_unique<TokenVerifier>(file.get(), "https://idp.example", "gw");
  }
  ~Fixture() { std::remove(path.c_str()); }
  std::string token(const SigningKey& key) const {
    return mint(key, json{{"iss", "https://idp.example"}, {"aud", "gw"}, {"sub", "u-1"}, {"act", {{"sub", "agent-7"}}},
                          {"iat", kNow}, {"exp", kNow + 300}, {"scope", "read write"}});
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void verify(benchmark::State& state, const std::string& token) {
  Fixture& f = fixture();
  for (auto _ : state) {
    TokenCheck c = f.verifier->verify(token, kNow);
    benchmark::DoNotOptimize(c.reason);
  }
}

void BM_VerifyEdDSA(benchmark::State& s) { verify(s, fixture().token(fixture().ed)); }
void BM_VerifyES256(benchmark::State& s) { verify(s, fixture().token(fixture().ec)); }
void BM_VerifyRS256(benchmark::State& s) { verify(s, fixture().token(fixture().rsa)); }
void BM_RefuseAlgNone(benchmark::State& s) { verify(s, "eyJhbGciOiJub25lIn0.e30."); }

BENCHMARK(BM_VerifyEdDSA);
BENCHMARK(BM_VerifyES256);
BENCHMARK(BM_VerifyRS256);
BENCHMARK(BM_RefuseAlgNone);

}  // namespace

BENCHMARK_MAIN();
