// vm_replay.h — decides request JSON (spec section 8) with the runtime VM on
// the policy's compiled bundle, the way `agentpolc eval` does (request
// reader + decide). The verifier uses it to try cheap candidates — a
// counterexample found for one agent, with another agent's name — before
// asking the solver (docs/verification.md, "Reusing counterexamples").
// Entry point: VmReplay::decide.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <agentpol/agentpol.hpp>
#include <nlohmann/json.hpp>

#include "sema/checked_policy.h"

namespace agentpol::request {
class RequestReader;
}

namespace agentpol::verify {

struct VmOutcome {
  Decision decision = Decision::Deny;
  Reason reason = Reason::BadRequest;
};

class VmReplay {
 public:
  // Compiles and loads `policy` on first use; without a bundle (a runtime
  // limit, a load failure) every decide() is nullopt.
  explicit VmReplay(const sema::CheckedPolicy& policy);
  ~VmReplay();

  // The VM's decision on `request`; nullopt when there is no bundle or the
  // request is unreadable.
  std::optional<VmOutcome> decide(const nlohmann::json& request);

 private:
  const sema::CheckedPolicy& policy_;
  bool tried_ = false;
  std::shared_ptr<const Bundle> bundle_;
  std::unique_ptr<request::RequestReader> reader_;
  std::unique_ptr<Request> request_;
};

// `request` with the acting agent replaced by `agent` (its name; attributes
// kept). The one place counterexamples get an agent's name put in.
nlohmann::json withAgent(nlohmann::json request, const std::string& agent);

}  // namespace agentpol::verify
