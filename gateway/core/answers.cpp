// answers.cpp — building the isError tool results.
#include "core/answers.h"

namespace agentpol::gateway {
namespace {

json meta(const Verdict& v, const json& audit_id) {
  json m = {{"decision", to_string(v.decision)}, {"reason", to_string(v.reason)}, {"rules", v.rules},
            {"audit_id", audit_id}};
  if (!v.message.empty()) m["message"] = v.message;
  return m;
}

json tool_error(const std::string& text, json agentpol_meta) {
  return {{"content", json::array({{{"type", "text"}, {"text", text}}})},
          {"isError", true},
          {"_meta", {{"agentpol", std::move(agentpol_meta)}}}};
}

}  // namespace

std::string verdict_text(const Verdict& v) {
  std::string out = v.decision == Decision::Escalate ? "agentpol: escalated (" : "agentpol: denied (";
  out += to_string(v.reason);
  out += ")";
  for (size_t i = 0; i < v.rules.size(); ++i) out += (i ? ", " : " by ") + v.rules[i];
  if (!v.message.empty()) out += ": " + v.message;
  return out;
}

json blocked_result(const Verdict& v, const std::string& audit_id) { return tool_error(verdict_text(v), meta(v, audit_id)); }

json held_result(const Verdict& v, const std::string& audit_id, const Approval& a) {
  std::string text = "agentpol: held for approval " + a.id + " (escalated";
  for (size_t i = 0; i < v.rules.size(); ++i) text += (i ? ", " : " by ") + v.rules[i];
  text += "); a person approves it with `agentpol-mcp approvals approve " + a.id +
          "`, then the same call goes through once; the call was not forwarded";
  json m = meta(v, audit_id);
  m["approval"] = a.id;
  return tool_error(text, std::move(m));
}

json declined_result(const Verdict& v, const std::string& audit_id, const Approval& a) {
  std::string text = "agentpol: declined by " + a.decided_by.value_or("?") + " (approval " + a.id + ")";
  if (a.note && !a.note->empty()) text += ": " + *a.note;
  json m = meta(v, audit_id);
  m["approval"] = a.id;
  return tool_error(text, std::move(m));
}

json audit_failed_result(const Verdict& v, const std::string& error) {
  json m = meta(v, nullptr);
  m["error"] = "audit_unavailable";
  return tool_error("agentpol: the audit log is unavailable (" + error + "); the call was not forwarded",
                    std::move(m));
}

}  // namespace agentpol::gateway
