// vm_replay.cpp — the policy's bundle, one request reader and one Request
// reused across decisions (see vm_replay.h).
#include "verify/vm_replay.h"

#include "request/request_reader.h"
#include "verify/bytecode/bundle_session.h"

namespace agentpol::verify {

VmReplay::VmReplay(const sema::CheckedPolicy& policy) : policy_(policy) {}
VmReplay::~VmReplay() = default;

std::optional<VmOutcome> VmReplay::decide(const nlohmann::json& request) {
  if (!tried_) {
    tried_ = true;
    std::string error;
    bundle_ = bytecode::compileAndLoadBundle(policy_, error);
    if (bundle_) {
      reader_ = std::make_unique<request::RequestReader>(bundle_);
      request_ = std::make_unique<Request>(bundle_);
    }
  }
  if (!bundle_) return std::nullopt;
  std::string error;
  if (reader_->read(request.dump(), *request_, &error) != request::ReadStatus::Ok) return std::nullopt;
  Result r = agentpol::decide(*bundle_, *request_);
  return VmOutcome{r.decision, r.reason};
}

nlohmann::json withAgent(nlohmann::json request, const std::string& agent) {
  nlohmann::json& a = request["agent"];
  if (a.is_object()) a["id"] = agent;
  else a = nlohmann::json{{"id", agent}};
  return request;
}

}  // namespace agentpol::verify
