// verify_util.h — helpers for the verify tests: compile a policy from text
// or files, run verify, find a check, replay a counterexample request
// through the runtime (codegen + RequestReader + decide), run agentpolc,
// and convert the generator's ref::Request to request JSON.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <agentpol/agentpol.hpp>
#include <nlohmann/json.hpp>

#include "json_decide.h"
#include "policy_load.h"
#include "ref_request.h"
#include "verify/check_result.h"

namespace agentpol::vtest {

std::unique_ptr<test::LoadedPolicy> load(const std::string& text);
verify::VerifyReport verifyText(const std::string& text, unsigned timeoutMs = 10000);
const verify::CheckResult* find(const verify::VerifyReport& r, const std::string& kind, const std::string& subject);

using Replayed = test::JsonDecision;
// Decides a request JSON with the compiled bundle of `policy` (test::decideJson).
Replayed replay(const sema::CheckedPolicy& policy, const nlohmann::json& request);

struct CliResult {
  int exit = -1;
  std::string out;
};
CliResult runCli(const std::string& args);
std::string writeTemp(const std::string& name, const std::string& text);

// ref::Request -> spec 8 JSON; false when a value cannot be written (a time
// outside years 1..9999).
bool toJson(const sema::CheckedPolicy& policy, const ref::Request& r, nlohmann::json& out);

extern const char* kBillingPolicy;  // path of the conformance billing policy

// The policy-set folders every verify suite runs on: examples/, tests/semantics/
// and the conformance billing set.
std::vector<std::string> policySets();

}  // namespace agentpol::vtest
