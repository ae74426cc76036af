// synth_policy.cpp — the synthetic policy generator of synth_policy.h. Rule
// conditions mix money thresholds, enum and string equalities, set
// membership, `like`, `has user`, entity equality and token freshness.
#include "synth_policy.h"

namespace agentpol::bench {

namespace {

std::string S(int v) { return std::to_string(v); }

const char* kHeader = R"(namespace synth;
enum Intent { read, write, refund, admin }
enum Tier { free, pro, enterprise }
record Token { issued_at: Time, expires_at: Time, scopes: Set<String> }
entity User { roles: Set<String>, limit: Money<EUR>, region: String, tier: Tier }
entity Agent { model: String, team: String }
entity Doc { owner: User, total: Money<EUR>, tags: Set<String>, path: String }
context { intent: Intent, token: Token, channel: String }
def fresh(t: Token, at: Time, max_ttl: Duration): Bool =
  at < t.expires_at && t.expires_at - t.issued_at <= max_ttl;
)";

std::string guardrail(int r) {
  std::string a = "act" + S((r / 20) % kSynthActions);
  switch ((r / 20) % 4) {
    case 0: return "forbid agent * to " + a + " unless fresh(context.token, now, 15m)";
    case 1: return "escalate agent * to " + a + " when amount > " + S(5000 + r) + " EUR";
    case 2: return "forbid agent * to " + a + " when \"blocked\" in doc.tags";
    default: return "forbid agent * to " + a + " when context.channel like \"test-*\"";
  }
}

std::string userRule(int r) {
  std::string a = "act" + S((r / 10) % kSynthActions);
  switch ((r / 10) % 3) {
    case 0: return "permit user to " + a + " when doc.owner == user && amount <= user.limit";
    case 1: return "permit user to " + a + " when \"admin\" in user.roles || user.region == \"R" + S(r % 5) + "\"";
    default: return "forbid user to " + a + " when user.tier == Tier.free && amount > " + S(100 + r % 400) + " EUR";
  }
}

std::string agentRule(int r) {
  int g = (r * 13) % kSynthAgents;
  int a = synthMay(g, (r / 7) % kSynthMay);
  std::string head = "agent ag" + S(g) + " to act" + S(a) + " when ";
  std::string team = "t" + S(g % 10);
  switch (r % 8) {
    case 0: return "permit " + head + "amount <= " + S(10 + r % 200) + " EUR && context.intent == Intent.refund";
    case 1: return "permit " + head + "doc.path like \"/" + team + "/*\"";
    case 2: return "permit " + head + "\"tag" + S(r % 9) + "\" in doc.tags && agent.team == \"" + team + "\"";
    case 3: return "escalate " + head + "amount > " + S(200 + r % 300) + " EUR";
    case 4: return "permit " + head + "has user && doc.owner == user";
    case 5: return "forbid " + head + "doc.total > " + S(100000 + r) + " EUR";
    case 6: return "permit " + head + "context.intent in [Intent.read, Intent.write]";
    default: return "permit " + head + "note like \"ticket-*\" && amount <= " + S(50 + r % 100) + " EUR";
  }
}

}  // namespace

std::string synthPolicy(int rules) {
  std::string s = kHeader;
  for (int a = 0; a < kSynthActions; ++a) s += "action act" + S(a) + "(doc: Doc) { amount: Money<EUR>, note: String }\n";
  for (int g = 0; g < kSynthAgents; ++g) {
    s += "agent ag" + S(g) + " { owner: \"team-" + S(g % 10) + "\", purpose: \"bench\", reviewed: 2026-11-01, may: [";
    for (int k = 0; k < kSynthMay; ++k) s += (k ? ", act" : "act") + S(synthMay(g, k));
    s += "] }\n";
  }
  for (int r = 0; r < rules; ++r) {
    std::string body = r % 20 == 0 ? guardrail(r) : r % 10 == 5 ? userRule(r) : agentRule(r);
    s += "@id(\"r" + S(r) + "\") " + body + ";\n";
  }
  return s;
}

}  // namespace agentpol::bench
