// test_bundle_flips.cpp — a corrupt bundle is never evaluated: flipping any
// single byte of the compiled billing bundle makes `agentpolc eval` reject it
// (exit 1, nothing on stdout). Every byte is tried.
#include <catch2/catch.hpp>

#include <fstream>

#include "run_cli.h"

using namespace agentpol::clitest;

TEST_CASE("eval: flipping any byte of a bundle makes eval reject it", "[eval][bundle]") {
  std::string apb = scratch("", ".apb");
  REQUIRE(agentpolc("build '" + billingPolicy() + "' -o '" + apb + "'").exit == 0);
  std::string bytes = readFile(apb);
  REQUIRE(bytes.size() > 64);
  std::string req = scratch(billingRequests()[0]);
  RunResult good = agentpolc("eval '" + apb + "' --request '" + req + "'");
  REQUIRE(good.exit == 0);
  std::string flipped = scratch("", ".apb");
  size_t accepted = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string b = bytes;
    b[i] = static_cast<char>(b[i] ^ 0xFF);
    std::ofstream(flipped, std::ios::binary | std::ios::trunc) << b;
    RunResult r = agentpolc("eval '" + flipped + "' --request '" + req + "'");
    if (r.exit != 1 || !r.out.empty()) {
      ++accepted;
      UNSCOPED_INFO("byte " << i << ": exit " << r.exit << " " << r.out);
    }
  }
  CHECK(accepted == 0);
}
