// cli_test.cpp — `agentpolc build --verify`: a correct bundle is proved and
// written (exit 0); a miscompiled one (the AGENTPOL_BUILD_MUTATE testing
// hook) is refused with exit 1, nothing written, and a counterexample request
// on stdout that the VM decides differently on the two bundles; JSON output
// carries the verdict; a bad --timeout is a usage error.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "bc_util.h"
#include "verify/bytecode/bundle_mutation.h"
#include "verify_util.h"

using namespace agentpol;
namespace fs = std::filesystem;

namespace {

const std::string kBilling = AGENTPOL_SHARED_DIR "/conformance/billing";

std::string freshOut(const std::string& name) {
  std::string path = "/tmp/agentpol_bc_cli_" + name + ".apb";
  fs::remove(path);
  return path;
}

struct MutateEnv {
  explicit MutateEnv(const char* m) { setenv("AGENTPOL_BUILD_MUTATE", m, 1); }
  ~MutateEnv() { unsetenv("AGENTPOL_BUILD_MUTATE"); }
};

}  // namespace

TEST_CASE("bytecode cli: build --verify proves and writes", "[verify_bytecode][cli]") {
  std::string out = freshOut("ok");
  vtest::CliResult r = vtest::runCli("build " + kBilling + " -o " + out + " --verify --timeout 30s");
  INFO(r.out);
  CHECK(r.exit == 0);
  CHECK(fs::exists(out));
  CHECK(r.out.find("verified:") != std::string::npos);
}

TEST_CASE("bytecode cli: build --verify refuses a miscompiled bundle", "[verify_bytecode][cli]") {
  std::string out = freshOut("bad");
  vtest::CliResult r;
  {
    MutateEnv env("flip-comparison");
    r = vtest::runCli("build " + kBilling + " -o " + out + " --verify");
  }
  INFO(r.out);
  CHECK(r.exit == 1);
  CHECK_FALSE(fs::exists(out));
  nlohmann::json request = nlohmann::json::parse(r.out);  // the counterexample, one line
  auto loaded = test::loadPolicyFiles({kBilling});
  REQUIRE(loaded->policy);
  std::shared_ptr<const Bundle> original = test::compileAndLoad(*loaded->policy);
  auto image = verify::bytecode::mutateBundle(*original, verify::bytecode::Mutation::FlipComparison);
  REQUIRE(image);
  bctest::VmDecision onMutated = bctest::decideJson(bctest::loadImage(*image), request);
  bctest::VmDecision onOriginal = bctest::decideJson(original, request);
  CHECK(onMutated.reason != "bad_request");
  CHECK((onMutated.decision != onOriginal.decision || onMutated.reason != onOriginal.reason ||
         onMutated.rules != onOriginal.rules));
}

TEST_CASE("bytecode cli: build --verify --format json reports the verdict", "[verify_bytecode][cli]") {
  std::string out = freshOut("json");
  vtest::CliResult ok = vtest::runCli("build " + kBilling + " -o " + out + " --verify --format json");
  nlohmann::json j = nlohmann::json::parse(ok.out);
  CHECK(ok.exit == 0);
  CHECK(j["verify"]["status"] == "proved");
  fs::remove(out);
  MutateEnv env("bump-constant");
  vtest::CliResult bad = vtest::runCli("build " + kBilling + " -o " + out + " --verify --format json");
  nlohmann::json b = nlohmann::json::parse(bad.out);
  CHECK(bad.exit == 1);
  CHECK(b["ok"] == false);
  CHECK(b["verify"]["status"] == "violated");
  CHECK(b["verify"].contains("counterexample"));
  CHECK(b["verify"].contains("action"));
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("bytecode cli: build without --verify ignores the mutation hook and a bad --timeout is a usage error",
          "[verify_bytecode][cli]") {
  std::string out = freshOut("plain");
  {
    MutateEnv env("flip-comparison");
    CHECK(vtest::runCli("build " + kBilling + " -o " + out).exit == 0);
  }
  CHECK(fs::exists(out));
  CHECK(vtest::runCli("build " + kBilling + " -o " + out + " --verify --timeout soon").exit == 2);
}
