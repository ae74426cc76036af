// approvals_db.cpp — the approvals table of the state database (spec
// section 12): recording a pending approval, reading them, approve/deny
// of a pending unexpired one, and using an approved one once. Every change
// is one BEGIN IMMEDIATE transaction whose UPDATE re-checks the status, so
// gateways and CLI commands sharing the database never decide or use an
// approval twice.
#include "core/state_db.h"

#include "core/state_stmt.h"
#include "core/strict_json.h"

namespace agentpol::gateway {
namespace {

constexpr const char* kColumns =
    "id, status, agent, user, tool, action, args, args_sha256, bundle, rules, reason, created_ms, expires_ms,"
    " decided_by, decided_ms, note, used_ms";

std::string select(const char* rest) { return std::string("SELECT ") + kColumns + " FROM approvals " + rest; }

std::optional<int64_t> optional_integer(const Stmt& s, int col) {
  if (!s.optional_text(col)) return std::nullopt;
  return s.integer(col);
}

Approval row_of(const Stmt& s) {
  Approval a;
  a.id = s.text(0);
  a.status = s.text(1);
  a.agent = s.text(2);
  a.user = s.optional_text(3);
  a.tool = s.text(4);
  a.action = s.text(5);
  a.args = s.text(6);
  a.args_sha256 = s.text(7);
  a.bundle = s.text(8);
  json rules = json::parse(s.text(9), nullptr, false);
  if (rules.is_array())
    for (const json& r : rules)
      if (r.is_string()) a.rules.push_back(r.get<std::string>());
  a.reason = s.text(10);
  a.created_ms = s.integer(11);
  a.expires_ms = s.integer(12);
  a.decided_by = s.optional_text(13);
  a.decided_ms = optional_integer(s, 14);
  a.note = s.optional_text(15);
  a.used_ms = optional_integer(s, 16);
  return a;
}

}  // namespace

std::string Approval::status_at(int64_t now_ms) const {
  if ((status == "pending" || status == "approved") && now_ms >= expires_ms) return "expired";
  return status;
}

bool StateDb::add_approval(const Approval& a, std::string* error) {
  return transaction([&] {
    Stmt ins(db_,
             "INSERT INTO approvals (id, status, agent, user, tool, action, args, args_sha256, bundle, rules, reason,"
             " created_ms, expires_ms) VALUES (?1, 'pending', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    return ins.bind(1, a.id).bind(2, a.agent).bind(3, a.user).bind(4, a.tool).bind(5, a.action).bind(6, a.args)
               .bind(7, a.args_sha256).bind(8, a.bundle).bind(9, json(a.rules).dump()).bind(10, a.reason)
               .bind(11, a.created_ms).bind(12, a.expires_ms).step() == SQLITE_DONE;
  }, error);
}

std::optional<Approval> StateDb::approval(std::string_view id, std::string* error) {
  Stmt s(db_, select("WHERE id = ?1").c_str());
  int rc = s.bind(1, id).step();
  if (rc == SQLITE_ROW) return row_of(s);
  if (rc != SQLITE_DONE) *error = sqlite3_errmsg(db_);
  return std::nullopt;
}

std::vector<Approval> StateDb::approvals(bool pending_only, int64_t now_ms, std::string* error) {
  std::vector<Approval> out;
  Stmt s(db_, select(pending_only ? "WHERE status = 'pending' AND expires_ms > ?1 ORDER BY created_ms DESC, id"
                                  : "ORDER BY created_ms DESC, id").c_str());
  if (pending_only) s.bind(1, now_ms);
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) out.push_back(row_of(s));
  if (rc != SQLITE_DONE) *error = sqlite3_errmsg(db_);
  return out;
}

DecideOutcome StateDb::decide_approval(std::string_view id, bool approve, std::string_view by, std::string_view note,
                                       int64_t now_ms, Approval* out, std::string* error) {
  DecideOutcome outcome = DecideOutcome::Failed;
  bool ok = transaction([&] {
    Stmt up(db_,
            "UPDATE approvals SET status = ?2, decided_by = ?3, decided_ms = ?4, note = ?5"
            " WHERE id = ?1 AND status = 'pending' AND expires_ms > ?4");
    if (up.bind(1, id).bind(2, approve ? "approved" : "denied").bind(3, by).bind(4, now_ms)
            .bind(5, note.empty() ? std::nullopt : std::optional<std::string>(note)).step() !=
        SQLITE_DONE)
      return false;
    bool changed = sqlite3_changes(db_) > 0;
    std::optional<Approval> now = approval(id, error);
    if (!error->empty()) return false;
    if (now) *out = *now;
    outcome = changed ? DecideOutcome::Decided
              : !now  ? DecideOutcome::Unknown
              : now->status == "pending" ? DecideOutcome::Expired
                                         : DecideOutcome::AlreadyDecided;
    return true;
  }, error);
  return ok ? outcome : DecideOutcome::Failed;
}

std::optional<std::string> StateDb::use_approval(std::string_view id, int64_t now_ms, std::string* error) {
  bool used = false;
  bool ok = transaction([&] {
    Stmt up(db_, "UPDATE approvals SET status = 'used', used_ms = ?2 WHERE id = ?1 AND status = 'approved' AND expires_ms > ?2");
    if (up.bind(1, id).bind(2, now_ms).step() != SQLITE_DONE) return false;
    used = sqlite3_changes(db_) > 0;
    return true;
  }, error);
  if (ok && used) return std::string(id);
  return std::nullopt;
}

std::optional<std::string> StateDb::use_approval_for(const CallKey& k, int64_t now_ms, std::string* error) {
  std::optional<std::string> id;
  transaction([&] {
    Stmt find(db_,
              "SELECT id FROM approvals WHERE status = 'approved' AND agent = ?1 AND user IS ?2 AND tool = ?3"
              " AND args_sha256 = ?4 AND bundle = ?5 AND expires_ms > ?6 ORDER BY created_ms, id LIMIT 1");
    int rc = find.bind(1, k.agent).bind(2, k.user).bind(3, k.tool).bind(4, k.args_sha256).bind(5, k.bundle)
                 .bind(6, now_ms).step();
    if (rc == SQLITE_DONE) return true;
    if (rc != SQLITE_ROW) return false;
    std::string found = find.text(0);
    Stmt up(db_, "UPDATE approvals SET status = 'used', used_ms = ?2 WHERE id = ?1 AND status = 'approved'");
    if (up.bind(1, found).bind(2, now_ms).step() != SQLITE_DONE) return false;
    if (sqlite3_changes(db_) > 0) id = found;
    return true;
  }, error);
  return id;
}

}  // namespace agentpol::gateway
