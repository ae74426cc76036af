// test_eval_stream.cpp — `eval --request -` as a co-process (spec section 9):
// with stdin left open, each request line gets its decision line before the
// next is written; a line that is not JSON gets a bad_request line and the
// stream goes on; exit 1 at the end. With the old read-all-of-stdin eval the
// first readLine gets nothing (the bounded read fails instead of hanging).
#include <catch2/catch.hpp>

#include "coprocess.h"
#include "run_cli.h"

using namespace agentpol::clitest;

TEST_CASE("eval --request - answers each line while stdin stays open", "[eval][stream]") {
  std::vector<std::string> reqs = billingRequests();
  std::vector<std::string> expected = agentpolc("eval '" + billingPolicy() + "' --request -",
                                                reqs[0] + "\n" + reqs[1] + "\n" + reqs[2] + "\n").lines();
  REQUIRE(expected.size() == 3);

  Coprocess eval({"eval", billingPolicy(), "--request", "-"});
  std::string line;
  REQUIRE(eval.write(reqs[0] + "\n"));
  REQUIRE(eval.readLine(&line));
  CHECK(line == expected[0]);
  // A request split over two writes is decided once its newline arrives.
  REQUIRE(eval.write(reqs[1].substr(0, 20)));
  REQUIRE(eval.write(reqs[1].substr(20) + "\n"));
  REQUIRE(eval.readLine(&line));
  CHECK(line == expected[1]);
  REQUIRE(eval.write("{\"now\": broken\n"));
  REQUIRE(eval.readLine(&line));
  CHECK(line.find(R"({"decision":"deny","reason":"bad_request","rules":[],"message":"<stdin>:3: not JSON: )") == 0);
  REQUIRE(eval.write(reqs[2] + "\n"));
  REQUIRE(eval.readLine(&line));
  CHECK(line == expected[2]);
  CHECK(eval.wait() == 1);  // a line was not a request
}

TEST_CASE("eval --request - as a co-process exits 0 when every line was a request", "[eval][stream]") {
  std::vector<std::string> reqs = billingRequests();
  Coprocess eval({"eval", billingPolicy(), "--request", "-"});
  std::string line;
  for (const std::string& q : reqs) {
    REQUIRE(eval.write(q + "\n"));
    REQUIRE(eval.readLine(&line));
    CHECK(line.find("{\"decision\":") == 0);
  }
  CHECK(eval.wait() == 0);
}
