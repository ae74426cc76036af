// decision_json.cpp — rendering a runtime Result as eval's JSON line.
#include "driver/decision_json.h"

#include <agentpol/audit.h>

namespace agentpol::driver {

void appendDecisionLine(const Result& r, std::string* out) {
  *out += "{\"decision\":\"";
  *out += to_string(r.decision);
  *out += "\",\"reason\":\"";
  *out += to_string(r.reason);
  *out += "\",\"rules\":[";
  for (size_t i = 0; i < r.rule_count; ++i) {
    if (i) out->push_back(',');
    append_json_string(r.rule_id(i), out);
  }
  out->push_back(']');
  if (r.reason == Reason::BadRequest || r.reason == Reason::AuditFailed) {
    *out += ",\"message\":";
    append_json_string(r.message.empty() ? std::string_view("bad request") : r.message, out);
  }
  *out += "}\n";
}

}  // namespace agentpol::driver
