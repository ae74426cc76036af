// report_json.cpp — `verify --format json`: {"checks": [{"name", "kind",
// "status", "rules"?, "subject"?, "counterexample"?}]} (spec section 7).
#include "verify/report.h"

namespace agentpol::verify {

nlohmann::json renderJson(const VerifyReport& report) {
  nlohmann::json checks = nlohmann::json::array();
  for (const CheckResult& c : report.checks) {
    nlohmann::json o{{"name", c.name}, {"kind", c.kind}, {"status", statusName(c.status)}};
    if (c.rules) o["rules"] = *c.rules;
    if (!c.subject.empty()) o["subject"] = c.subject;
    if (c.counterexample) o["counterexample"] = *c.counterexample;
    checks.push_back(std::move(o));
  }
  return nlohmann::json{{"checks", checks}};
}

}  // namespace agentpol::verify
