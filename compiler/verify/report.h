// report.h — renders a VerifyReport: a readable text report (✓/✗/? lines,
// counterexamples pretty-printed), the JSON of spec section 7, and SARIF
// 2.1.0 for GitHub code scanning (rule ids = check kinds, locations = the
// rule/assert/agent source range via the SourceManager).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "diag/source_manager.h"
#include "verify/check_result.h"

namespace agentpol::verify {

std::string renderText(const VerifyReport& report, const diag::SourceManager& sources);
nlohmann::json renderJson(const VerifyReport& report);
nlohmann::json renderSarif(const VerifyReport& report, const diag::SourceManager& sources);

}  // namespace agentpol::verify
