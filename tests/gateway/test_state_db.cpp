// test_state_db.cpp — the state database on a real SQLite file: created with
// its directory, WAL mode, the schema version, revocations seen at once by
// another connection (another gateway), history kept, a newer schema refused.
#include "core/state_db.h"
#include "fixture.h"

#include <catch2/catch.hpp>
#include <sqlite3.h>

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
