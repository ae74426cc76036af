// json_decide.h — test support: a spec-8 request JSON read with the
// compiler's request::RequestReader and decided by the runtime VM, the
// outcome as strings (decision, reason, message, sorted rule ids). Shared by
// the verify and verify_bytecode suites to replay counterexamples.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <agentpol/agentpol.hpp>
#include <nlohmann/json.hpp>

namespace agentpol::test {

// Reads `request` into `out` (made for the same bundle); false with the
// reader's message in `error` when the reader refuses it.
bool readJsonRequest(std::shared_ptr<const Bundle> bundle, const nlohmann::json& request, Request& out,
                     std::string& error);

struct JsonDecision {
  std::string decision, reason, message;
  std::vector<std::string> rules;  // sorted
};
// Decides `request` with `bundle`; throws std::runtime_error when the request
// is unreadable.
JsonDecision decideJson(std::shared_ptr<const Bundle> bundle, const nlohmann::json& request);

}  // namespace agentpol::test
