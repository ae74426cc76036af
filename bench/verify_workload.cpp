// verify_workload.cpp — the generator of verify_workload.h. Agents carry
// owner/purpose and, for two thirds of them, a `may` scope; named rules
// cycle through effects (mostly permit), actions and condition shapes
// (string/int comparisons, set membership, `has user`, string patterns).
#include "verify_workload.h"

#include <fmt/format.h>

namespace agentpol::bench {

namespace {

const char* const kActions[] = {"read", "write", "share", "delete"};

// The `may` scope of agent g (none for every third agent).
std::string scopeOf(int g) {
  switch (g % 3) {
    case 0: return "";
    case 1: return ", may: [read, write]";
    default: return ", may: [read, share, delete]";
  }
}

// An action agent g's scope holds (so named rules are mostly in scope);
// every 50th rule picks `write` regardless, outside some agents' scope.
const char* actionFor(int rule, int g) {
  if (rule % 50 == 49) return "write";
  switch (g % 3) {
    case 1: return kActions[rule % 2];
    case 2: return kActions[rule % 3 == 1 ? 2 : rule % 3 == 2 ? 3 : 0];
    default: return kActions[rule % 4];
  }
}

std::string condition(int rule, const char* action) {
  std::string a = action;
  switch (rule % 6) {
    case 0: return fmt::format("doc.team == \"t{}\"", rule % 20);
    case 1: return fmt::format("doc.sensitivity <= {}", rule % 4);
    case 2: return "has user && doc.owner == user";
    case 3: return fmt::format("\"label{}\" in doc.tags && context.intent != Intent.admin", rule % 9);
    case 4:
      if (a == "share") return fmt::format("recipient like \"*@t{}.example\"", rule % 20);
      if (a == "write") return fmt::format("size <= {}", 1000 * (rule % 7 + 1));
      return fmt::format("doc.sensitivity < {} && context.intent == Intent.work", rule % 5 + 1);
    default: return fmt::format("has user && \"editor\" in user.roles && user.team == doc.team");
  }
}

}  // namespace

std::string verifyWorkload(int namedRules, int agents) {
  std::string s = R"(namespace agents;
enum Intent { work, admin, personal }
entity User { roles: Set<String>, team: String }
entity Agent { model: String }
entity Doc { owner: User, team: String, sensitivity: Int, tags: Set<String> }
context { intent: Intent }
action read(doc: Doc)
action write(doc: Doc) { size: Int }
action share(doc: Doc) { recipient: String }
action delete(doc: Doc)
)";
  for (int g = 0; g < agents; ++g)
    s += fmt::format("agent agent_{:04} {{ owner: \"team-{}\", purpose: \"assistant {} of team {}\"{} }}\n", g,
                     g % 37, g, g % 37, scopeOf(g));
  for (int r = 0; r < namedRules; ++r) {
    int g = r % agents;
    const char* action = actionFor(r, g);
    const char* effect = r % 11 == 10 ? "forbid" : r % 7 == 6 ? "escalate" : "permit";
    s += fmt::format("@id(\"r{:04}\") {} agent agent_{:04} to {} when {};\n", r, effect, g, action,
                     condition(r, action));
  }
  s += R"(@id("no-secret-for-agents") forbid agent * to * when doc.sensitivity >= 4;
@id("no-admin-intent") forbid agent * to [write, share, delete] when context.intent == Intent.admin;
@id("public-read") permit agent * to read when doc.sensitivity == 0 && "public" in doc.tags;
@id("no-external-share") forbid agent * to share when recipient like "*@external.example";
@id("delete-needs-review") escalate agent * to delete when doc.sensitivity >= 2;
@id("user-read-team") permit user to read when doc.team == user.team;
@id("user-write-own") permit user to [write, share] when doc.owner == user;
@id("user-delete-own") escalate user to delete when doc.owner == user;
@id("user-admin") permit user to * when "admin" in user.roles;
@id("user-suspended") forbid user to * when "suspended" in user.roles;
)";
  return s;
}

}  // namespace agentpol::bench
