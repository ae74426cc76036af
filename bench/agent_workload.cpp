// agent_workload.cpp — the generator of agent_workload.h: a fixed schema,
// rules spread over the agents with typical conditions (path globs, set
// membership, Int bounds, entity equality, enum context), and requests drawn
// with a 64-bit LCG so that every rule kind is exercised and most requests
// reach a rule condition (a third of them name an agent that has rules).
#include "agent_workload.h"

namespace agentpol::bench {
namespace {

std::string S(uint64_t v) { return std::to_string(v); }

const char* kSchema = R"(namespace agents;
enum Intent { read, write, share, admin }
entity User { roles: Set<String>, dept: String, clearance: Int }
entity Agent { team: String, model: String, tier: Int }
entity Doc { owner: User, path: String, tags: Set<String>, classification: Int }
action read_doc(doc: Doc)
action write_doc(doc: Doc) { size: Int }
action send_email(doc: Doc) { recipient: String, external: Bool }
action run_query(doc: Doc) { table: String, rows: Int }
context { intent: Intent, channel: String, ip: String }
)";

const char* kActions[] = {"read_doc", "write_doc", "send_email", "run_query"};

// The named agent of agent rule r (0 ≤ r < 90): spread over the 1 001 agents.
int ruleAgent(int r) { return (r * 11 + 3) % kWorkloadAgents; }

std::string guardrail(int r) {
  switch (r) {
    case 0: return "forbid agent * to * unless context.channel == \"prod\" || context.channel == \"staging\"";
    case 1: return "forbid agent * to send_email when external && \"confidential\" in doc.tags";
    case 2: return "escalate agent * to write_doc when size > 1000000";
    case 3: return "forbid agent * to run_query when table like \"secret_*\"";
    case 4: return "escalate agent * to run_query when rows > 100000";
    case 5: return "forbid agent * to write_doc when doc.classification > 3";
    case 6: return "forbid agent * to * when context.ip like \"192.168.*\"";
    case 7: return "escalate agent * to send_email when recipient like \"*@external.example\"";
    case 8: return "forbid agent * to read_doc when \"quarantined\" in doc.tags";
    default: return "permit agent * to read_doc when doc.classification <= 1 && context.intent == Intent.read";
  }
}

std::string userRule(int r) {
  switch (r) {
    case 0: return "permit user to read_doc when doc.owner == user";
    case 1: return "permit user to read_doc when \"admin\" in user.roles || doc.classification <= user.clearance";
    case 2: return "permit user to write_doc when doc.owner == user && size <= 100000";
    case 3: return "permit user to write_doc when \"editor\" in user.roles && doc.path like \"/d*\"";
    case 4: return "permit user to send_email when doc.owner == user";
    case 5: return "permit user to send_email when !external && doc.classification <= user.clearance";
    case 6: return "permit user to run_query when \"analyst\" in user.roles";
    case 7: return "permit user to run_query when rows <= 1000";
    case 8: return "forbid user to * when user.clearance < 0";
    default: return "forbid user to write_doc when \"readonly\" in user.roles";
  }
}

std::string agentRule(int r) {
  int g = ruleAgent(r);
  std::string team = "t" + S(g % 16), dept = "d" + S(g % 8);
  std::string head = " agent a" + S(g) + " to " + kActions[r % 4] + " when ";
  switch (r % 4) {
    case 0:
      return "permit" + head + "doc.path like \"/" + dept + "/*\" && agent.team == \"" + team + "\"";
    case 1:
      return (r % 8 == 1 ? "escalate" : "permit") + head + "size <= " + S(10000 + r * 100) + " && \"draft\" in doc.tags";
    case 2: return "permit" + head + "!external && (has user && doc.owner == user)";
    default: return (r % 8 == 3 ? "forbid" : "permit") + head + "table == \"tbl_" + S(r % 10) + "\" && rows <= " + S(500 + r);
  }
}

// A 64-bit LCG (Knuth's MMIX constants).
struct Lcg {
  uint64_t s;
  uint64_t next(uint64_t n) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return (s >> 33) % n;
  }
};

const char* kTags[] = {"internal", "draft", "public", "confidential", "quarantined", "finance", "hr", "ops"};
const char* kRoles[] = {"staff", "admin", "editor", "analyst", "readonly", "guest"};
const char* kIntents[] = {"read", "write", "share", "admin"};

std::string tags(Lcg& g, int max) {
  std::string s = "[";
  int n = static_cast<int>(g.next(static_cast<uint64_t>(max) + 1));
  for (int i = 0; i < n; ++i) s += std::string(i ? "," : "") + "\"" + kTags[g.next(8)] + "\"";
  return s + "]";
}

}  // namespace

std::string agentWorkloadPolicy() {
  std::string s = kSchema;
  for (int g = 0; g < kWorkloadAgents; ++g)
    s += "agent a" + S(g) + " { owner: \"team-" + S(g % 16) +
         "\", purpose: \"bench\", reviewed: 2026-11-01, may: [read_doc, write_doc, send_email, run_query] }\n";
  for (int r = 0; r < 10; ++r) s += "@id(\"guard" + S(r) + "\") " + guardrail(r) + ";\n";
  for (int r = 0; r < 10; ++r) s += "@id(\"user" + S(r) + "\") " + userRule(r) + ";\n";
  for (int r = 0; r < kWorkloadRules - 20; ++r) s += "@id(\"agent" + S(r) + "\")" + agentRule(r) + ";\n";
  return s;
}

std::string agentWorkloadRequests(int count, uint64_t seed) {
  Lcg g{seed};
  std::string out;
  out.reserve(static_cast<size_t>(count) * 440);
  for (int i = 0; i < count; ++i) {
    int agent = g.next(3) == 0 ? ruleAgent(static_cast<int>(g.next(kWorkloadRules - 20)))
                               : static_cast<int>(g.next(kWorkloadAgents));
    int action = static_cast<int>(g.next(4));
    std::string user = "u-" + S(1000 + g.next(5000)), dept = "d" + S(g.next(8));
    bool own = g.next(2) == 0;
    std::string q = "{\"now\":\"2026-11-28T14:" + S(10 + g.next(50)) + ":00Z\",\"agent\":{\"id\":\"a" + S(agent) +
                    "\",\"attrs\":{\"team\":\"t" + S(agent % 16) + "\",\"model\":\"m-2026\",\"tier\":" + S(g.next(3)) +
                    "}},\"user\":{\"id\":\"" + user + "\",\"attrs\":{\"roles\":[\"" + kRoles[g.next(6)] +
                    "\"],\"dept\":\"" + dept + "\",\"clearance\":" + S(g.next(4)) + "}},\"action\":\"" +
                    kActions[action] + "\",\"args\":{\"doc\":{\"id\":\"doc-" + S(g.next(100000)) +
                    "\",\"attrs\":{\"owner\":{\"id\":\"" + (own ? user : "u-" + S(g.next(5000))) + "\"},\"path\":\"/" +
                    dept + "/reports/q" + S(1 + g.next(4)) + ".md\",\"tags\":" + tags(g, 2) +
                    ",\"classification\":" + S(g.next(5)) + "}}";
    switch (action) {
      case 1: q += ",\"size\":" + S(g.next(4) == 0 ? 2000000 : g.next(50000)); break;
      case 2:
        q += std::string(",\"recipient\":\"") + (g.next(3) == 0 ? "x@external.example" : "y@corp.example") +
             "\",\"external\":" + (g.next(2) ? "true" : "false");
        break;
      case 3: q += ",\"table\":\"" + std::string(g.next(10) == 0 ? "secret_" : "tbl_") + S(g.next(10)) + "\",\"rows\":" + S(g.next(2000)); break;
      default: break;
    }
    q += std::string("},\"context\":{\"intent\":\"") + kIntents[g.next(4)] + "\",\"channel\":\"" +
         (g.next(10) == 0 ? "dev" : "prod") + "\",\"ip\":\"10.0." + S(g.next(256)) + "." + S(g.next(256)) + "\"}}\n";
    out += q;
  }
  return out;
}

}  // namespace agentpol::bench
