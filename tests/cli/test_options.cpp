// test_options.cpp — where options may stand (spec section 9): before,
// between and after file arguments, for every command, and for diff also
// after `--` NEW; what a second `--` and a file named like an option do.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "run_cli.h"

using namespace agentpol::clitest;

namespace {

const char* kOld = "entity Agent {}\naction read()\npermit agent * to read;\n";
const char* kNew = "entity Agent {}\naction read()\nforbid agent * to read;\n";

std::string q(const std::string& path) { return "'" + path + "'"; }

bool isJsonObject(const std::string& out) { return !out.empty() && out[0] == '{'; }

}  // namespace

TEST_CASE("options: diff reads options after NEW, between and before", "[options]") {
  std::string oldP = q(scratch(kOld, ".agentpol")), newP = q(scratch(kNew, ".agentpol"));
  for (const std::string& line :
       {"diff " + oldP + " -- " + newP + " --format json", "diff " + oldP + " -- " + newP + " --format=json",
        "diff " + oldP + " --format json -- " + newP, "diff --format json " + oldP + " -- " + newP,
        "diff " + oldP + " -- --format json " + newP}) {
    RunResult r = agentpolc(line);
    INFO(line << "\nstderr: " << r.err);
    CHECK(r.exit == 1);  // read opens to a forbid: a change
    CHECK(isJsonObject(r.out));
    CHECK(r.out.find("\"changed\": true") != std::string::npos);
  }
  RunResult r = agentpolc("diff " + oldP + " -- " + newP + " --fail-on allow");
  INFO(r.err);
  CHECK(r.exit == 0);  // access only closes
}

TEST_CASE("options: diff's example requests take `now` on --today (issue 8: readable examples)", "[options]") {
  std::string oldP = q(scratch(kOld, ".agentpol")), newP = q(scratch(kNew, ".agentpol"));
  for (const char* day : {"2026-11-28", "2031-02-03"}) {
    RunResult r = agentpolc("diff " + oldP + " -- " + newP + " --format json --today " + day);
    INFO(r.err);
    CHECK(r.exit == 1);
    CHECK(r.out.find(std::string("\"now\": \"") + day + "T12:00:00Z\"") != std::string::npos);
    CHECK(r.out.find("1970-01-01") == std::string::npos);
  }
  RunResult r = agentpolc("diff " + oldP + " -- " + newP + " --today 2026-02-31");
  CHECK(r.exit == 2);
  CHECK(r.err.find("--today: invalid date") != std::string::npos);
}

TEST_CASE("options: diff takes one `--`; NEW must not be empty", "[options]") {
  std::string oldP = q(scratch(kOld, ".agentpol")), newP = q(scratch(kNew, ".agentpol"));
  RunResult r = agentpolc("diff " + oldP + " -- " + newP + " -- " + newP);
  CHECK(r.exit == 2);
  CHECK(r.err.find("`--` given twice") != std::string::npos);
  r = agentpolc("diff " + oldP + " -- --format json");
  CHECK(r.exit == 2);
  CHECK(r.err.find("give the old files, then `--`, then the new files") != std::string::npos);
}

TEST_CASE("options: every command reads options after its files", "[options]") {
  std::string pol = q(billingPolicy());
  std::string apb = scratch("", ".apb");
  RunResult r = agentpolc("check " + pol + " --format json");
  INFO(r.err);
  CHECK(r.exit == 0);
  CHECK(r.out.find("\"diagnostics\"") != std::string::npos);

  r = agentpolc("build " + pol + " -o " + q(apb) + " --format json");
  CHECK(r.exit == 0);
  CHECK(r.out.find("\"ok\"") != std::string::npos);

  r = agentpolc("disasm " + q(apb) + " --help");
  CHECK(r.exit == 0);
  CHECK(r.out.find("usage: agentpolc disasm") != std::string::npos);

  std::string req = q(scratch(billingRequests()[0]));
  r = agentpolc("eval " + q(apb) + " --request " + req + " --revoke billing_assist_07");
  CHECK(r.exit == 0);
  CHECK(r.out.find("\"reason\":\"revoked\"") != std::string::npos);
  r = agentpolc("eval --request " + req + " " + q(apb));
  CHECK(r.exit == 0);
  CHECK(r.lines().size() == 1);

  r = agentpolc("test " + q(apb) + " --tests " + q(billingCases()) + " --format json");
  CHECK(r.exit == 0);
  CHECK(r.out.find("\"passed\"") != std::string::npos);

  r = agentpolc("verify " + pol + " --today 2026-11-28 --format json --timeout 20s");
  CHECK((r.exit == 0 || r.exit == 1));
  CHECK(r.out.find("\"checks\"") != std::string::npos);

  r = agentpolc("inventory " + pol + " --today 2026-11-28 --format json");
  CHECK(r.exit == 0);
  CHECK(r.out.find("\"agents\"") != std::string::npos);
}

TEST_CASE("options: a file named like an option is given with a path", "[options]") {
  std::filesystem::path dir = std::filesystem::path(scratch("", ".dir")).parent_path() / "dash_names";
  std::filesystem::create_directories(dir);
  std::ofstream((dir / "-x.agentpol").string()) << kOld;
  RunResult r = agentpolc("check -x.agentpol");
  CHECK(r.exit == 2);
  CHECK(r.err.find("unknown option `-x.agentpol` for `check`") != std::string::npos);
  CHECK(r.err.find("`./-x.agentpol`") != std::string::npos);
  r = agentpolc("check " + q((dir / "-x.agentpol").string()));
  INFO(r.err);
  CHECK(r.exit == 0);
}

namespace {

const char* kReviewed =
    "entity Agent {}\naction read()\nagent a { owner: \"o\", purpose: \"p\", reviewed: 2026-01-01 }\n"
    "permit agent a to read;\n";

// The inventory check's status in `verify --format json` output, or "".
std::string inventoryStatus(const std::string& out) {
  size_t at = out.find("\"kind\": \"inventory\"");
  if (at == std::string::npos) return "";
  size_t s = out.find("\"status\": \"", at);
  return s == std::string::npos ? "" : out.substr(s + 11, out.find('"', s + 11) - s - 11);
}

}  // namespace

TEST_CASE("option values: impossible dates are usage errors naming the option", "[options][values]") {
  std::string pol = q(scratch(kReviewed, ".agentpol"));
  for (const char* day : {"2026-02-31", "2026-02-29", "2026-13-01", "2026-04-31", "2026-00-10"}) {
    RunResult r = agentpolc("verify " + pol + " --today " + day);
    INFO(day << ": " << r.err);
    CHECK(r.exit == 2);
    CHECK(r.err.find(std::string("agentpolc verify: --today: invalid date `") + day + "`") == 0);
    CHECK(r.out.empty());
  }
  RunResult r = agentpolc("verify " + pol + " --today 2026-02-31");
  CHECK(r.err.find("day 31 is out of range (February 2026 has 28 days)") != std::string::npos);
  r = agentpolc("inventory " + pol + " --today 2026-02-30");
  CHECK(r.exit == 2);
  CHECK(r.err.find("agentpolc inventory: --today: invalid date `2026-02-30`") == 0);
  for (const char* bad : {"28.11.2026", "2026-11-28T00:00:00Z", "2026-1-5", "yesterday", ""}) {
    r = agentpolc("verify " + pol + " --today '" + bad + "'");
    INFO(bad << ": " << r.err);
    CHECK(r.exit == 2);
    CHECK(r.err.find("--today: expected a date such as 2026-11-28") != std::string::npos);
  }
  r = agentpolc("verify " + pol + " --today 2024-02-29 --format json");  // a leap day is a real day
  INFO(r.err);
  CHECK(r.exit != 2);
}

TEST_CASE("option values: durations are checked for overflow and form", "[options][values]") {
  std::string pol = q(scratch(kReviewed, ".agentpol"));
  RunResult r = agentpolc("verify " + pol + " --today 2026-11-28 --max-review-age 999999999999d --format json");
  INFO(r.err);
  CHECK(inventoryStatus(r.out) == "proved");  // reviewed well within ~2.7 billion years
  r = agentpolc("verify " + pol + " --today 2026-11-28 --format json");
  CHECK(inventoryStatus(r.out) == "violated");  // the default 90d
  for (const char* bad : {"999999999999999999d", "9223372036854775808s", "106751991167301d"}) {
    r = agentpolc("verify " + pol + " --today 2026-11-28 --max-review-age " + bad);
    INFO(bad << ": " << r.err);
    CHECK(r.exit == 2);
    CHECK(r.err.find(std::string("agentpolc verify: --max-review-age: invalid duration `") + bad +
                     "`: Duration out of range") == 0);
  }
  for (const char* bad : {"90", "90days", "-5d", "1.5d", "1h30m", "500ms"}) {
    r = agentpolc("verify " + pol + " --max-review-age " + bad);
    INFO(bad << ": " << r.err);
    CHECK(r.exit == 2);
    CHECK(r.err.find("--max-review-age: invalid duration") != std::string::npos);
  }
  std::string other = q(scratch(kReviewed, ".agentpol"));
  for (const std::string& cmd : {"verify " + pol, "inventory " + pol, "diff " + pol + " -- " + other,
                                 "build " + pol + " -o " + q(scratch("", ".apb")) + " --verify"}) {
    for (const char* bad : {"0s", "2h", "99999999999999999999ms", "10"}) {
      r = agentpolc(cmd + " --timeout " + bad);
      INFO(cmd << " --timeout " << bad << ": " << r.err);
      CHECK(r.exit == 2);
      CHECK(r.err.find("--timeout: ") != std::string::npos);
    }
  }
  r = agentpolc("verify " + pol + " --today 2026-11-28 --timeout 1500ms --max-review-age 400d --format json");
  CHECK(inventoryStatus(r.out) == "proved");
  // --jobs: 1 to 256 threads, verify only (build --verify, diff and
  // inventory do not take it).
  for (const char* bad : {"0", "-1", "two", "257", "1.5", "", "99999999999999999999", "+2", "2x"}) {
    r = agentpolc("verify " + pol + " --jobs=" + bad);
    INFO("--jobs " << bad << ": " << r.err);
    CHECK(r.exit == 2);
    CHECK(r.err.find(std::string("agentpolc verify: --jobs: expected a whole number from 1 to 256, not `") + bad +
                     "`") == 0);
  }
  for (const char* good : {"1", "2", "256"}) {
    r = agentpolc("verify " + pol + " --today 2026-11-28 --max-review-age 400d --format json --jobs " + good);
    INFO("--jobs " << good);
    CHECK(inventoryStatus(r.out) == "proved");
  }
  for (const std::string& cmd : {"inventory " + pol, "diff " + pol + " -- " + other,
                                 "build " + pol + " -o " + q(scratch("", ".apb")) + " --verify"}) {
    r = agentpolc(cmd + " --jobs 2");
    INFO(cmd << " --jobs 2: " << r.err);
    CHECK(r.exit == 2);
  }
}
