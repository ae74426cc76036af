// decider.h — one bundle deciding tool calls: the bundle with its request
// reader, a reused Request and the context and entities texts in force.
// The session keeps one for the enforced bundle and one for the shadow.
#pragma once

#include "core/call_request.h"
#include "request/request_reader.h"

#include <agentpol/decide.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace agentpol::gateway {

// A decision copied out of the runtime's Result (which views its Request).
struct Verdict {
  Decision decision = Decision::Deny;
  Reason reason = Reason::BadRequest;
  std::vector<std::string> rules;
  std::string message;                // bad_request: what is wrong
  std::optional<std::string> action;  // none: the tool maps to no action
};

// The verdict for a call that cannot be decided at all (malformed params).
Verdict bad_request(std::string message);

// Lower-case hex of a bundle's source hash, as audit records show it.
std::string bundle_hash(const Bundle& bundle);

class Decider {
 public:
  // `context` and `entities` are compact JSON texts, or empty for none.
  Decider(std::shared_ptr<const Bundle> bundle, std::string context, std::string entities);

  const std::shared_ptr<const Bundle>& bundle() const { return bundle_; }
  const std::string& hash() const { return hash_; }
  const std::string& context() const { return context_; }
  const std::string& entities() const { return entities_; }

  // Decides `tool` with `arguments` for `caller` at `now` (epoch seconds).
  Verdict decide(const Caller& caller, int64_t now, std::string_view tool, const json& arguments,
                 bool revoked);
  // "" when the context and entities fit the bundle, else the reader's
  // message for them (found with a trial request of placeholder arguments).
  std::string check_inputs(const Caller& caller, int64_t now);

 private:
  Verdict run(std::string_view request, bool revoked, std::string action);

  std::shared_ptr<const Bundle> bundle_;
  request::RequestReader reader_;
  Request request_;
  std::string context_, entities_, hash_;
};

}  // namespace agentpol::gateway
