// state_db.h — the state directory's SQLite database (spec sections 11-12),
// shared by every gateway and command using the directory: WAL mode, a busy
// timeout, each write one transaction, and a schema version (PRAGMA
// user_version) raised by numbered migrations. Version 1 holds the
// revocations (the kill switch) and their history; approvals come next.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace agentpol::gateway {

inline constexpr const char* kStateFile = "state.db";

struct Revocation {
  std::string agent, revoked_at, revoked_by, note;
};

// The answer to "is this agent revoked?": unknown when the database could
// not be read (the gateway then treats the agent as revoked).
struct RevocationCheck {
  bool revoked = false;
  std::string error;
};

class StateDb {
 public:
  // Opens (creating the directory and the database if missing) and brings
  // the schema to the current version. Null with *error on failure.
  static std::unique_ptr<StateDb> open(const std::string& dir, std::string* error);
  ~StateDb();
  StateDb(const StateDb&) = delete;
  StateDb& operator=(const StateDb&) = delete;

  int schema_version() const;
  RevocationCheck is_revoked(std::string_view agent);
  std::optional<Revocation> revocation(std::string_view agent, std::string* error);
  std::vector<Revocation> revocations(std::string* error);
  // Each is one transaction, also recorded in the history table. false with
  // *error when the database refused; *changed says whether anything changed.
  bool revoke(const Revocation& r, bool* changed, std::string* error);
  bool unrevoke(std::string_view agent, std::string_view at, std::string_view by, bool* changed,
                std::string* error);

 private:
  explicit StateDb(sqlite3* db) : db_(db) {}
  bool migrate(std::string* error);
  bool exec(const char* sql, std::string* error);

  sqlite3* db_;
  sqlite3_stmt* check_ = nullptr;  // prepared once: is_revoked runs on every call
};

// The schema version this build writes.
int current_schema_version();

}  // namespace agentpol::gateway
