// cli_test.cpp — `agentpolc build` and `agentpolc disasm` as a user runs
// them: exit codes, the written bundle loads, nothing is written (or an old
// file replaced) on errors, JSON output, and disasm of a corrupt file.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <agentpol/bundle.h>
#include <sys/wait.h>

namespace agentpol {
namespace {

namespace fs = std::filesystem;

struct Run {
  int exit;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Run run(const std::string& args) {
  fs::path dir = fs::temp_directory_path();
  fs::path out = dir / "agentpol_cli_out.txt", err = dir / "agentpol_cli_err.txt";
  std::string cmd = std::string(AGENTPOLC) + " " + args + " >" + out.string() + " 2>" + err.string();
  int status = std::system(cmd.c_str());
  return Run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

fs::path scratch(const std::string& name) {
  fs::path d = fs::temp_directory_path() / "agentpol_codegen_cli";
  fs::create_directories(d);
  return d / name;
}

const std::string kBilling = std::string(AGENTPOL_SHARED_DIR) + "/conformance/billing/policy.agentpol";

}  // namespace

TEST_CASE("build writes a bundle the loader accepts", "[codegen][cli]") {
  fs::path out = scratch("billing.apb");
  fs::remove(out);
  Run r = run("build " + kBilling + " -o " + out.string());
  INFO(r.err);
  CHECK(r.exit == 0);
  CHECK(r.out.find("wrote") != std::string::npos);
  LoadResult loaded = load_bundle_file(out.string());
  REQUIRE(loaded);
  CHECK(loaded.bundle->image().rules.size() == 9);
  for (const auto& e : fs::directory_iterator(out.parent_path()))  // no temp file left behind
    CHECK(e.path().string().find(".tmp") == std::string::npos);
}

TEST_CASE("build refuses policies with errors and leaves the old bundle", "[codegen][cli]") {
  fs::path bad = scratch("bad.agentpol"), out = scratch("kept.apb");
  std::ofstream(bad) << "entity Agent {}\naction a()\npermit agent * to a when 1 + \"x\" > 0;\n";
  std::ofstream(out) << "old";
  Run r = run("build " + bad.string() + " -o " + out.string());
  CHECK(r.exit == 1);
  CHECK(r.err.find("E03") != std::string::npos);
  CHECK(slurp(out) == "old");
}

TEST_CASE("build usage errors exit 2", "[codegen][cli]") {
  CHECK(run("build " + kBilling).exit == 2);  // no -o
  CHECK(run("build -o " + scratch("x.apb").string()).exit == 2);  // no files
  CHECK(run("build " + kBilling + " -o x.apb --format yaml").exit == 2);
}

TEST_CASE("build --format json prints one object", "[codegen][cli]") {
  Run r = run("build " + kBilling + " -o " + scratch("j.apb").string() + " --format json");
  CHECK(r.exit == 0);
  CHECK(r.out.find("\"diagnostics\"") != std::string::npos);
  CHECK(r.out.find("\"bytes\"") != std::string::npos);
}

TEST_CASE("disasm prints a valid bundle and rejects corrupt ones", "[codegen][cli]") {
  fs::path out = scratch("d.apb"), bad = scratch("corrupt.apb");
  REQUIRE(run("build " + kBilling + " -o " + out.string()).exit == 0);
  Run ok = run("disasm " + out.string());
  CHECK(ok.exit == 0);
  CHECK(ok.out.find("stale-token") != std::string::npos);
  CHECK(ok.out.find("RET") != std::string::npos);

  std::string bytes = slurp(out);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x5a);
  std::ofstream(bad, std::ios::binary) << bytes;
  Run corrupt = run("disasm " + bad.string());
  CHECK(corrupt.exit == 1);
  CHECK(corrupt.err.find("invalid bundle") != std::string::npos);
  CHECK(corrupt.out.empty());

  CHECK(run("disasm " + scratch("missing.apb").string()).exit == 1);
  CHECK(run("disasm").exit == 2);
}

}  // namespace agentpol
