// agentpol/decide.h — the decision procedure of spec 6.1/6.2 on one bundle:
// decisions, reason codes and the result of deciding a Request. Engine (in
// engine.h) adds the atomic bundle swap, revocations and the audit hook.
#pragma once
#include <agentpol/bundle.h>
#include <agentpol/request.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace agentpol {

// Ordered: the weaker of two decisions is the smaller.
enum class Decision : uint8_t { Deny = 0, Escalate = 1, Allow = 2 };

enum class Reason : uint8_t {
  Permitted, Escalated, UserEscalated, Revoked, UnknownAgent, AgentExpired,
  OutOfScope, Forbidden, NoPermit, UserForbidden, UserNoPermit, BadRequest,
  AuditFailed,  // Engine only: the audit hook could not store the record (not a policy decision)
};

const char* to_string(Decision d);  // "allow", "escalate", "deny"
const char* to_string(Reason r);    // "permitted", "user_no_permit", ..., "audit_failed"

// A decision. Views into the Request that produced it: valid until that
// request is decided again, reset or destroyed.
struct Result {
  Decision decision = Decision::Deny;
  Reason reason = Reason::BadRequest;
  const uint32_t* rules = nullptr;  // indices of the reporting rules
  size_t rule_count = 0;
  std::string_view message;         // bad_request: what is wrong; audit_failed: that the record was lost
  const Bundle* bundle = nullptr;   // the bundle that decided

  std::string_view rule_id(size_t i) const { return bundle->rule_id(rules[i]); }
};

struct DecideOptions {
  bool revoked = false;  // the agent is on the kill-switch list
};

// Decides `request` with `bundle` (whose schema must match the request's).
// Never throws, never allocates once the request storage is warm.
Result decide(const Bundle& bundle, Request& request, const DecideOptions& options = {});

}  // namespace agentpol
