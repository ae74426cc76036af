// cmd_revoke.cpp — `agentpol-mcp revoke AGENT` and `unrevoke AGENT`: the
// kill switch in the state database. Every gateway sharing the directory
// denies the agent's next call (`revoked`) and hides its tools.
#include "commands.h"

#include "core/audit_log.h"
#include "core/state_db.h"

#include <agentpol/agent_name.h>

#include <iostream>

namespace agentpol::gateway {
namespace {

std::string now_text() { return rfc3339_millis(wall_clock_ms()); }

// Checks AGENT and opens the state; on failure returns the exit code.
int open_for(const std::string& command, const ParsedArgs& a, std::unique_ptr<StateDb>* db) {
  if (a.positional.size() != 1) return usage_error(command, "expected exactly one AGENT");
  if (std::string why = agent_name_problem(a.positional[0]); !why.empty()) return usage_error(command, "AGENT: " + why);
  std::string error;
  *db = StateDb::open(a.get("state", kDefaultStateDir), &error);
  return *db ? kExitOk : failure(error);
}

CommandSpec spec_for(const char* name, const char* summary) {
  return CommandSpec{
      name,
      std::string("agentpol-mcp ") + name + " AGENT [--state DIR] [--by WHO]" +
          (std::string(name) == "revoke" ? " [--note TEXT]" : ""),
      summary,
      "The state directory's database is shared by every gateway using it; each reads the\n"
      "revocations on every call. Both commands keep a history of who changed what, when.",
      {
          {"state", 0, "DIR", "the state directory (default ./agentpol-state)"},
          {"by", 0, "WHO", "who makes the change (default: the user running the command)"},
      },
      1,
      false};
}

}  // namespace

const CommandSpec& revokeSpec() {
  static const CommandSpec spec = [] {
    CommandSpec s = spec_for("revoke", "revoke an agent: every call it makes is denied (revoked) from its next one");
    s.options.push_back({"note", 0, "TEXT", "why (kept in the history)"});
    return s;
  }();
  return spec;
}

const CommandSpec& unrevokeSpec() {
  static const CommandSpec spec = spec_for("unrevoke", "lift an agent's revocation");
  return spec;
}

int runRevoke(const ParsedArgs& a) {
  std::unique_ptr<StateDb> db;
  if (int rc = open_for("revoke", a, &db); rc != kExitOk) return rc;
  Revocation r{a.positional[0], now_text(), a.get("by", current_user()), a.get("note")};
  bool changed = false;
  std::string error;
  if (!db->revoke(r, &changed, &error)) return failure("revoke " + r.agent + ": " + error);
  if (changed) {
    std::cout << "revoked " << r.agent << " at " << r.revoked_at << " by " << r.revoked_by << "\n";
    return kExitOk;
  }
  std::optional<Revocation> was = db->revocation(r.agent, &error);
  std::cout << r.agent << " was already revoked" << (was ? " at " + was->revoked_at + " by " + was->revoked_by : "")
            << "\n";
  return kExitOk;
}

int runUnrevoke(const ParsedArgs& a) {
  std::unique_ptr<StateDb> db;
  if (int rc = open_for("unrevoke", a, &db); rc != kExitOk) return rc;
  const std::string& agent = a.positional[0];
  bool changed = false;
  std::string error;
  if (!db->unrevoke(agent, now_text(), a.get("by", current_user()), &changed, &error))
    return failure("unrevoke " + agent + ": " + error);
  if (!changed) return failure(agent + " is not revoked; nothing changed");
  std::cout << "unrevoked " << agent << "\n";
  return kExitOk;
}

}  // namespace agentpol::gateway
