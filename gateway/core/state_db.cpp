// state_db.cpp — StateDb over the SQLite C API: open + pragmas (retried
// while another opener holds a new file's lock), migrations
// (each in BEGIN IMMEDIATE, re-reading the version inside so concurrent
// openers migrate once), the transaction helper, and the revocation
// queries (approvals: approvals_db.cpp).
#include "core/state_db.h"

#include "core/state_stmt.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <sys/stat.h>
#include <thread>

namespace agentpol::gateway {
namespace {

constexpr int kBusyTimeoutMs = 5000;

// migrations[i] brings the schema from version i to i + 1.
const char* const kMigrations[] = {
    "CREATE TABLE revocations ("
    "  agent TEXT PRIMARY KEY NOT NULL,"
    "  revoked_at TEXT NOT NULL,"
    "  revoked_by TEXT NOT NULL,"
    "  note TEXT NOT NULL DEFAULT '');"
    "CREATE TABLE revocation_history ("
    "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  agent TEXT NOT NULL,"
    "  change TEXT NOT NULL CHECK (change IN ('revoke', 'unrevoke')),"
    "  at TEXT NOT NULL,"
    "  by TEXT NOT NULL,"
    "  note TEXT NOT NULL DEFAULT '');",
    // 2: pending and decided approvals of escalated calls (spec section 12).
    "CREATE TABLE approvals ("
    "  id TEXT PRIMARY KEY NOT NULL,"
    "  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'used')),"
    "  agent TEXT NOT NULL,"
    "  user TEXT,"
    "  tool TEXT NOT NULL,"
    "  action TEXT NOT NULL,"
    "  args TEXT NOT NULL,"
    "  args_sha256 TEXT NOT NULL,"
    "  bundle TEXT NOT NULL,"
    "  rules TEXT NOT NULL,"
    "  reason TEXT NOT NULL,"
    "  created_ms INTEGER NOT NULL,"
    "  expires_ms INTEGER NOT NULL,"
    "  decided_by TEXT,"
    "  decided_ms INTEGER,"
    "  note TEXT,"
    "  used_ms INTEGER);"
    "CREATE INDEX approvals_by_call ON approvals (agent, tool, args_sha256, bundle, status);",
};
constexpr int kVersion = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);

bool make_dirs(const std::string& dir, std::string* error) {
  for (size_t at = 1; at <= dir.size(); ++at) {
    if (at != dir.size() && dir[at] != '/') continue;
    std::string part = dir.substr(0, at);
    if (::mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) {
      *error = "cannot create the state directory " + part + ": " + std::strerror(errno);
      return false;
    }
  }
  return true;
}

Revocation row_of(const Stmt& s) { return {s.text(0), s.text(1), s.text(2), s.text(3)}; }

}  // namespace

int current_schema_version() { return kVersion; }

std::unique_ptr<StateDb> StateDb::open(const std::string& dir, std::string* error) {
  if (!make_dirs(dir, error)) return nullptr;
  std::string path = dir + "/" + kStateFile;
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<StateDb> s(new StateDb(db));
  if (rc != SQLITE_OK) {
    *error = "cannot open " + path + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    return nullptr;
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  // Two processes opening a new state directory at once can find the file
  // locked where SQLite does not call the busy handler (switching a new
  // database to WAL): the setup is retried until the busy timeout.
  auto give_up_at = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (;;) {
    if (s->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", error) &&
        s->migrate(error))
      return s;
    int code = sqlite3_errcode(db) & 0xff;
    bool busy = code == SQLITE_BUSY || code == SQLITE_LOCKED;
    if (!busy || std::chrono::steady_clock::now() >= give_up_at) {
      *error = path + ": " + *error;
      return nullptr;
    }
    std::string ignored;
    if (!sqlite3_get_autocommit(db)) s->exec("ROLLBACK", &ignored);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

StateDb::~StateDb() {
  sqlite3_finalize(check_);
  sqlite3_close(db_);
}

bool StateDb::exec(const char* sql, std::string* error) {
  char* msg = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) == SQLITE_OK) return true;
  *error = msg ? msg : sqlite3_errmsg(db_);
  sqlite3_free(msg);
  return false;
}

int StateDb::schema_version() const {
  Stmt s(db_, "PRAGMA user_version");
  return s.step() == SQLITE_ROW ? std::stoi(s.text(0)) : -1;
}

bool StateDb::migrate(std::string* error) {
  if (schema_version() == kVersion) return true;
  if (!exec("BEGIN IMMEDIATE", error)) return false;
  int v = schema_version();
  if (v > kVersion || v < 0) {
    exec("ROLLBACK", error);
    *error = "state database schema version " + std::to_string(v) + " is newer than this agentpol-mcp knows (" +
             std::to_string(kVersion) + ")";
    return false;
  }
  for (; v < kVersion; ++v) {
    std::string bump = "PRAGMA user_version=" + std::to_string(v + 1);
    if (!exec(kMigrations[v], error) || !exec(bump.c_str(), error)) {
      std::string ignored;
      exec("ROLLBACK", &ignored);
      return false;
    }
  }
  return exec("COMMIT", error);
}

RevocationCheck StateDb::is_revoked(std::string_view agent) {
  RevocationCheck out;
  if (!check_ && sqlite3_prepare_v2(db_, "SELECT 1 FROM revocations WHERE agent = ?1", -1, &check_, nullptr) != SQLITE_OK) {
    out.error = sqlite3_errmsg(db_);
    return out;
  }
  sqlite3_reset(check_);
  sqlite3_bind_text(check_, 1, agent.data(), static_cast<int>(agent.size()), SQLITE_STATIC);
  int rc = sqlite3_step(check_);
  if (rc == SQLITE_ROW) out.revoked = true;
  else if (rc != SQLITE_DONE) out.error = sqlite3_errmsg(db_);
  sqlite3_reset(check_);
  sqlite3_clear_bindings(check_);
  return out;
}

std::optional<Revocation> StateDb::revocation(std::string_view agent, std::string* error) {
  Stmt s(db_, "SELECT agent, revoked_at, revoked_by, note FROM revocations WHERE agent = ?1");
  int rc = s.bind(1, agent).step();
  if (rc == SQLITE_ROW) return row_of(s);
  if (rc != SQLITE_DONE) *error = sqlite3_errmsg(db_);
  return std::nullopt;
}

std::vector<Revocation> StateDb::revocations(std::string* error) {
  std::vector<Revocation> out;
  Stmt s(db_, "SELECT agent, revoked_at, revoked_by, note FROM revocations ORDER BY agent");
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) out.push_back(row_of(s));
  if (rc != SQLITE_DONE) *error = sqlite3_errmsg(db_);
  return out;
}

bool StateDb::transaction(const std::function<bool()>& body, std::string* error) {
  if (!exec("BEGIN IMMEDIATE", error)) return false;
  if (body() && exec("COMMIT", error)) return true;
  if (error->empty()) *error = sqlite3_errmsg(db_);
  std::string ignored;
  exec("ROLLBACK", &ignored);
  return false;
}

bool StateDb::revoke(const Revocation& r, bool* changed, std::string* error) {
  return transaction([&] {
    Stmt ins(db_, "INSERT OR IGNORE INTO revocations (agent, revoked_at, revoked_by, note) VALUES (?1, ?2, ?3, ?4)");
    bool ok = ins.bind(1, r.agent).bind(2, r.revoked_at).bind(3, r.revoked_by).bind(4, r.note).step() == SQLITE_DONE;
    *changed = ok && sqlite3_changes(db_) > 0;
    if (ok && *changed) {
      Stmt log(db_, "INSERT INTO revocation_history (agent, change, at, by, note) VALUES (?1, 'revoke', ?2, ?3, ?4)");
      ok = log.bind(1, r.agent).bind(2, r.revoked_at).bind(3, r.revoked_by).bind(4, r.note).step() == SQLITE_DONE;
    }
    return ok;
  }, error);
}

bool StateDb::unrevoke(std::string_view agent, std::string_view at, std::string_view by, bool* changed,
                       std::string* error) {
  return transaction([&] {
    Stmt del(db_, "DELETE FROM revocations WHERE agent = ?1");
    bool ok = del.bind(1, agent).step() == SQLITE_DONE;
    *changed = ok && sqlite3_changes(db_) > 0;
    if (ok && *changed) {
      Stmt log(db_, "INSERT INTO revocation_history (agent, change, at, by) VALUES (?1, 'unrevoke', ?2, ?3)");
      ok = log.bind(1, agent).bind(2, at).bind(3, by).step() == SQLITE_DONE;
    }
    return ok;
  }, error);
}

}  // namespace agentpol::gateway
