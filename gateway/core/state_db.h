// state_db.h — the state directory's SQLite database (spec sections 11-12),
// shared by every gateway and command using the directory: WAL mode, a busy
// timeout, each write one transaction, and a schema version (PRAGMA
// user_version) raised by numbered migrations. Version 1 holds the
// revocations (the kill switch) and their history; version 2 the approvals
// of escalated calls (section 12).
#pragma once

#include <cstdint>
#include <functional>
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

// One approval (spec section 12). Times are epoch milliseconds.
struct Approval {
  std::string id;
  std::string status;  // pending, approved, denied, used (expired: see status_at)
  std::string agent;
  std::optional<std::string> user;
  std::string tool, action;
  std::string args;         // canonical JSON text of the call's arguments
  std::string args_sha256;  // lower-case hex SHA-256 of `args`
  std::string bundle;       // hash of the bundle that escalated
  std::vector<std::string> rules;
  std::string reason;
  int64_t created_ms = 0, expires_ms = 0;
  std::optional<std::string> decided_by, note;
  std::optional<int64_t> decided_ms, used_ms;

  // The status as shown at `now_ms`: a pending or approved approval past
  // its expiry is "expired".
  std::string status_at(int64_t now_ms) const;
};

// What identifies "the same call" for an approval: agent, user, tool,
// canonical arguments (their hash) and bundle hash.
struct CallKey {
  std::string agent;
  std::optional<std::string> user;
  std::string tool, args_sha256, bundle;
};

// Why approve/deny changed nothing.
enum class DecideOutcome { Decided, Unknown, Expired, AlreadyDecided, Failed };

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

  // Approvals (approvals_db.cpp). Each write is one transaction.
  bool add_approval(const Approval& a, std::string* error);
  std::optional<Approval> approval(std::string_view id, std::string* error);
  // All approvals, newest first; only the pending, unexpired ones with `pending_only`.
  std::vector<Approval> approvals(bool pending_only, int64_t now_ms, std::string* error);
  // Records approve (true) or deny for a pending, unexpired approval; *out
  // is the approval afterwards (or as it is, when nothing changed).
  DecideOutcome decide_approval(std::string_view id, bool approve, std::string_view by, std::string_view note,
                                int64_t now_ms, Approval* out, std::string* error);
  // Marks an approved, unexpired approval used: by id, or the oldest one for
  // `key`. The id used, or none (nothing to use, or *error).
  std::optional<std::string> use_approval(std::string_view id, int64_t now_ms, std::string* error);
  std::optional<std::string> use_approval_for(const CallKey& key, int64_t now_ms, std::string* error);

 private:
  explicit StateDb(sqlite3* db) : db_(db) {}
  bool migrate(std::string* error);
  // BEGIN IMMEDIATE; body; COMMIT, or ROLLBACK when the body returns false.
  bool transaction(const std::function<bool()>& body, std::string* error);
  bool exec(const char* sql, std::string* error);

  sqlite3* db_;
  sqlite3_stmt* check_ = nullptr;  // prepared once: is_revoked runs on every call
};

// The schema version this build writes.
int current_schema_version();

}  // namespace agentpol::gateway
