// test_state_db.cpp — the state database on a real SQLite file: created with
// its directory, WAL mode, the schema version and migration from version 1,
// revocations seen at once by another connection (another gateway), history
// kept, a newer schema refused, approvals decided and used exactly once.
#include "core/state_db.h"
#include "fixture.h"

#include <catch2/catch.hpp>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

using namespace agentpol::gateway;

namespace {

std::string query(const std::string& db, const char* sql) {
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  sqlite3_stmt* s = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(h, sql, -1, &s, nullptr) == SQLITE_OK)
    while (sqlite3_step(s) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        const unsigned char* t = sqlite3_column_text(s, c);
        out += (c ? "|" : "") + std::string(t ? reinterpret_cast<const char*>(t) : "NULL");
      }
      out += "\n";
    }
  sqlite3_finalize(s);
  sqlite3_close(h);
  return out;
}

}  // namespace

TEST_CASE("state db: created with its directory, in WAL mode, at the current version", "[state]") {
  std::string dir = test::temp_dir() + "/a/b/state";
  std::string error;
  auto db = StateDb::open(dir, &error);
  REQUIRE(db);
  CHECK(db->schema_version() == current_schema_version());
  CHECK(query(dir + "/" + kStateFile, "PRAGMA journal_mode") == "wal\n");
  CHECK_FALSE(db->is_revoked("a").revoked);
  CHECK(db->is_revoked("a").error.empty());
}

TEST_CASE("state db: processes opening a new state directory at once all succeed", "[state]") {
  // Before the open retried, about one round in twenty of three openers on a new
  // directory failed with "database is locked" (the switch to WAL).
  for (int round = 0; round < 200; ++round) {
    std::string dir = test::temp_dir() + "/race" + std::to_string(round);
    std::vector<pid_t> children;
    for (int i = 0; i < 3; ++i) {
      pid_t pid = fork();
      REQUIRE(pid >= 0);
      if (pid == 0) {
        std::string error;
        auto db = StateDb::open(dir, &error);
        _exit(db && db->schema_version() == current_schema_version() ? 0 : 1);
      }
      children.push_back(pid);
    }
    int failed = 0;
    for (pid_t pid : children) {
      int status = 0;
      waitpid(pid, &status, 0);
      failed += !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    INFO("round " << round);
    REQUIRE(failed == 0);
  }
}

TEST_CASE("state db: a revocation is seen at once by another connection", "[state]") {
  std::string dir = test::temp_dir();
  std::string error;
  auto gateway = StateDb::open(dir, &error);
  auto admin = StateDb::open(dir, &error);
  REQUIRE(gateway);
  REQUIRE(admin);
  CHECK_FALSE(gateway->is_revoked("bot-1").revoked);
  bool changed = false;
  REQUIRE(admin->revoke({"bot-1", "2026-11-28T14:03:00.000Z", "ops", "incident"}, &changed, &error));
  CHECK(changed);
  CHECK(gateway->is_revoked("bot-1").revoked);
  CHECK_FALSE(gateway->is_revoked("bot-2").revoked);
  REQUIRE(admin->revoke({"bot-1", "2026-11-28T15:00:00.000Z", "ops2", ""}, &changed, &error));
  CHECK_FALSE(changed);  // already revoked: the first record stays
  auto r = gateway->revocation("bot-1", &error);
  REQUIRE(r);
  CHECK(r->revoked_by == "ops");
  CHECK(r->note == "incident");
  REQUIRE(admin->unrevoke("bot-1", "2026-11-28T16:00:00.000Z", "ops", &changed, &error));
  CHECK(changed);
  CHECK_FALSE(gateway->is_revoked("bot-1").revoked);
  REQUIRE(admin->unrevoke("bot-1", "2026-11-28T16:00:00.000Z", "ops", &changed, &error));
  CHECK_FALSE(changed);
  CHECK(query(dir + "/" + kStateFile, "SELECT agent, change, by FROM revocation_history ORDER BY seq") ==
        "bot-1|revoke|ops\nbot-1|unrevoke|ops\n");
  CHECK(gateway->revocations(&error).empty());
}

TEST_CASE("state db: a schema newer than this build is refused; an older one is migrated", "[state]") {
  std::string dir = test::temp_dir();
  std::string error;
  REQUIRE(StateDb::open(dir, &error));
  query(dir + "/" + kStateFile, "PRAGMA user_version=99");
  CHECK_FALSE(StateDb::open(dir, &error));
  CHECK(error.find("schema version 99 is newer") != std::string::npos);
  std::string fresh = test::temp_dir();
  query(fresh + "/" + kStateFile, "CREATE TABLE unrelated(x)");  // a version-0 database
  auto db = StateDb::open(fresh, &error);
  REQUIRE(db);
  CHECK(db->schema_version() == current_schema_version());
}

TEST_CASE("state db: a state path that cannot be a directory is an error", "[state]") {
  std::string error;
  CHECK_FALSE(StateDb::open("/dev/null/state", &error));
  CHECK(error.find("cannot create the state directory") == 0);
}

TEST_CASE("state db: a version-1 database (revocations only) is migrated to approvals, keeping its rows", "[state]") {
  std::string dir = test::temp_dir();
  std::string file = dir + "/" + kStateFile;
  // Version 1 exactly as the previous release created it.
  query(file,
        "CREATE TABLE revocations (agent TEXT PRIMARY KEY NOT NULL, revoked_at TEXT NOT NULL, revoked_by TEXT NOT NULL,"
        " note TEXT NOT NULL DEFAULT '');");
  query(file,
        "CREATE TABLE revocation_history (seq INTEGER PRIMARY KEY AUTOINCREMENT, agent TEXT NOT NULL, change TEXT NOT NULL"
        " CHECK (change IN ('revoke', 'unrevoke')), at TEXT NOT NULL, by TEXT NOT NULL, note TEXT NOT NULL DEFAULT '');");
  query(file, "INSERT INTO revocations VALUES ('bot-1', '2026-11-28T14:03:00.000Z', 'ops', 'incident')");
  query(file, "PRAGMA user_version=1");
  REQUIRE(query(file, "PRAGMA user_version") == "1\n");
  std::string error;
  auto db = StateDb::open(dir, &error);
  REQUIRE(db);
  CHECK(current_schema_version() == 2);
  CHECK(db->schema_version() == 2);
  CHECK(db->is_revoked("bot-1").revoked);
  CHECK(db->approvals(false, 0, &error).empty());
  CHECK(error.empty());
  CHECK(query(file, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'approvals'") == "approvals\n");
  // A second open (another gateway) finds it current and migrates nothing.
  auto again = StateDb::open(dir, &error);
  REQUIRE(again);
  CHECK(again->schema_version() == 2);
}

namespace {

Approval pending_approval(const std::string& id, const char* args, int64_t created_ms) {
  Approval a;
  a.id = id;
  a.agent = "bot";
  a.tool = "write_file";
  a.action = "write_file";
  a.args = args;
  a.args_sha256 = std::string("sha-") + args;
  a.bundle = "b1";
  a.rules = {"writes-need-a-person"};
  a.reason = "escalated";
  a.created_ms = created_ms;
  a.expires_ms = created_ms + 1000;
  return a;
}

}  // namespace

TEST_CASE("state db: approvals are decided once, used once, by whichever connection gets there first", "[state]") {
  std::string dir = test::temp_dir();
  std::string error;
  auto gateway = StateDb::open(dir, &error);
  auto cli = StateDb::open(dir, &error);
  REQUIRE(gateway);
  REQUIRE(cli);
  REQUIRE(gateway->add_approval(pending_approval("ap-1", "{\"a\":1}", 1000), &error));
  REQUIRE(gateway->add_approval(pending_approval("ap-2", "{\"a\":2}", 1001), &error));
  CHECK_FALSE(gateway->add_approval(pending_approval("ap-1", "{}", 1002), &error));  // ids are unique
  error.clear();
  std::vector<Approval> pending = cli->approvals(true, 1500, &error);
  REQUIRE(pending.size() == 2);
  CHECK(pending[0].id == "ap-2");  // newest first
  CHECK(pending[1].rules == std::vector<std::string>{"writes-need-a-person"});
  CHECK_FALSE(pending[1].user);

  Approval after;
  CHECK(cli->decide_approval("ap-1", true, "ann", "fine", 1500, &after, &error) == DecideOutcome::Decided);
  CHECK(after.status == "approved");
  CHECK(after.decided_by == std::string("ann"));
  CHECK(after.decided_ms == int64_t(1500));
  CHECK(cli->decide_approval("ap-1", false, "bob", "", 1501, &after, &error) == DecideOutcome::AlreadyDecided);
  CHECK(after.decided_by == std::string("ann"));  // unchanged
  CHECK(cli->decide_approval("ap-9", true, "ann", "", 1500, &after, &error) == DecideOutcome::Unknown);
  CHECK(cli->decide_approval("ap-2", true, "ann", "", 2001, &after, &error) == DecideOutcome::Expired);
  CHECK(after.status_at(2001) == "expired");
  CHECK(gateway->approval("ap-2", &error)->status == "pending");  // nothing changed

  CallKey key{"bot", std::nullopt, "write_file", "sha-{\"a\":1}", "b1"};
  CallKey other_bundle = key, other_user = key, other_args = key;
  other_bundle.bundle = "b2";
  other_user.user = "ann";
  other_args.args_sha256 = "sha-{\"a\":2}";
  for (const CallKey& k : {other_bundle, other_user, other_args}) CHECK_FALSE(gateway->use_approval_for(k, 1600, &error));
  CHECK_FALSE(gateway->use_approval_for(key, 2000, &error));  // expired at 2000
  CHECK(gateway->use_approval_for(key, 1600, &error) == std::string("ap-1"));
  CHECK_FALSE(cli->use_approval_for(key, 1601, &error));  // once
  CHECK_FALSE(cli->use_approval("ap-1", 1601, &error));
  CHECK(error.empty());
  std::optional<Approval> used = cli->approval("ap-1", &error);
  CHECK(used->status == "used");
  CHECK(used->used_ms == int64_t(1600));
  CHECK(cli->approvals(false, 1700, &error).size() == 2);
  CHECK(cli->approvals(true, 1700, &error).size() == 1);  // ap-2, until it expires
  CHECK(cli->approvals(true, 2001, &error).empty());
}
