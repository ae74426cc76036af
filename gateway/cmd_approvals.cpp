// cmd_approvals.cpp — `agentpol-mcp approvals list | show ID | approve ID |
// deny ID` (spec section 12): the operator's side of held calls, on the
// state database every gateway using the directory shares. approve/deny
// record who, when and why; an unknown, expired or already decided id
// exits 1 and changes nothing.
#include "commands.h"

#include "core/audit_log.h"
#include "core/state_db.h"

#include <iostream>

namespace agentpol::gateway {
namespace {

using ojson = nlohmann::ordered_json;

ojson optional_text(const std::optional<std::string>& s) { return s ? ojson(*s) : ojson(nullptr); }

ojson to_json(const Approval& a, int64_t now_ms) {
  ojson args = ojson::parse(a.args, nullptr, false);
  return ojson{{"id", a.id},
               {"status", a.status_at(now_ms)},
               {"agent", a.agent},
               {"user", optional_text(a.user)},
               {"tool", a.tool},
               {"action", a.action},
               {"args", args.is_discarded() ? ojson(a.args) : args},
               {"args_sha256", a.args_sha256},
               {"bundle", a.bundle},
               {"rules", a.rules},
               {"reason", a.reason},
               {"created", rfc3339_millis(a.created_ms)},
               {"expires", rfc3339_millis(a.expires_ms)},
               {"decided_by", optional_text(a.decided_by)},
               {"decided_at", a.decided_ms ? ojson(rfc3339_millis(*a.decided_ms)) : ojson(nullptr)},
               {"note", optional_text(a.note)}};
}

std::string dump(const ojson& j) { return j.dump(-1, ' ', false, ojson::error_handler_t::replace); }

void print_one(const Approval& a, int64_t now_ms, bool as_json) {
  ojson j = to_json(a, now_ms);
  if (as_json) {
    std::cout << dump(j) << "\n";
    return;
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.value().is_null()) continue;
    std::cout << it.key() << ": " << (it.value().is_string() ? it.value().get<std::string>() : dump(it.value())) << "\n";
  }
}

void print_list(const std::vector<Approval>& list, int64_t now_ms, bool as_json) {
  if (as_json) {
    ojson out = ojson::array();
    for (const Approval& a : list) out.push_back(to_json(a, now_ms));
    std::cout << dump(out) << "\n";
    return;
  }
  if (list.empty()) std::cout << "no pending approvals\n";
  for (const Approval& a : list)
    std::cout << a.id << "  " << a.status_at(now_ms) << "  " << a.agent << (a.user ? " for " + *a.user : "") << "  "
              << a.tool << " " << a.args << "  expires " << rfc3339_millis(a.expires_ms) << "\n";
}

std::string refusal(DecideOutcome d, const std::string& id, const Approval& a) {
  switch (d) {
    case DecideOutcome::Unknown: return "no approval " + id + "; nothing changed";
    case DecideOutcome::Expired: return "approval " + id + " expired at " + rfc3339_millis(a.expires_ms) + "; nothing changed";
    case DecideOutcome::AlreadyDecided:
      return "approval " + id + " is already " + a.status + (a.decided_by ? " (by " + *a.decided_by + ")" : "") +
             "; nothing changed";
    default: return "";
  }
}

}  // namespace

const CommandSpec& approvalsSpec() {
  static const CommandSpec spec{
      "approvals",
      "agentpol-mcp approvals (list [--all] | show ID | approve ID | deny ID) [--state DIR] [--by WHO] [--note TEXT] [--format json]",
      "list, show, approve or deny the approvals of escalated calls",
      "An escalated call is held with a pending approval in the state database. `approve ID`\n"
      "lets the held call through (or, once it was answered `held for approval ID`, the next\n"
      "identical call: same agent, user, tool, arguments and bundle, once, before expiry);\n"
      "`deny ID` declines it. An unknown, expired or already decided ID exits 1 and changes\n"
      "nothing. `list` shows the pending ones (--all: every one, newest first).",
      {
          {"state", 0, "DIR", "the state directory (default ./agentpol-state)"},
          {"by", 0, "WHO", "who decides (default: the user running the command)"},
          {"note", 0, "TEXT", "why (kept with the decision)"},
          {"format", 0, "FORMAT", "text (default) or json"},
          {"all", 0, "", "list: every approval, not only the pending ones"},
      },
      0,
      false};
  return spec;
}

int runApprovals(const ParsedArgs& a) {
  if (a.positional.empty()) return usage_error("approvals", "expected list, show ID, approve ID or deny ID");
  const std::string& verb = a.positional[0];
  bool needs_id = verb == "show" || verb == "approve" || verb == "deny";
  if (verb != "list" && !needs_id) return usage_error("approvals", "expected list, show ID, approve ID or deny ID, got `" + verb + "`");
  if (a.positional.size() != (needs_id ? 2u : 1u))
    return usage_error("approvals", needs_id ? verb + " takes exactly one approval ID" : "list takes no arguments");
  std::string format = a.get("format", "text");
  if (format != "text" && format != "json") return usage_error("approvals", "--format: expected text or json, got `" + format + "`");
  bool as_json = format == "json";
  std::string error;
  std::unique_ptr<StateDb> db = StateDb::open(a.get("state", kDefaultStateDir), &error);
  if (!db) return failure(error);
  int64_t now_ms = wall_clock_ms();
  if (verb == "list") {
    std::vector<Approval> list = db->approvals(!a.has("all"), now_ms, &error);
    if (!error.empty()) return failure(error);
    print_list(list, now_ms, as_json);
    return kExitOk;
  }
  const std::string& id = a.positional[1];
  if (verb == "show") {
    std::optional<Approval> found = db->approval(id, &error);
    if (!error.empty()) return failure(error);
    if (!found) return failure("no approval " + id);
    print_one(*found, now_ms, as_json);
    return kExitOk;
  }
  Approval after;
  DecideOutcome d = db->decide_approval(id, verb == "approve", a.get("by", current_user()), a.get("note"), now_ms, &after, &error);
  if (d == DecideOutcome::Failed) return failure(verb + " " + id + ": " + error);
  if (d != DecideOutcome::Decided) return failure(refusal(d, id, after));
  print_one(after, now_ms, as_json);
  return kExitOk;
}

}  // namespace agentpol::gateway
