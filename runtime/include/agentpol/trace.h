// agentpol/trace.h — why a decision came out as it did: every rule applicable
// to a request evaluated with a probe on its code block, whether it matched
// and what each condition part of it came to. Built on the bundle's debug
// table (BundleImage::debug: which code offsets compute which part); used by
// `agentpolc eval --explain` and `agentpolc test --coverage`. decide() never
// runs this code: the probe lives in a separate instantiation of the VM.
#pragma once
#include <agentpol/decide.h>

#include <cstdint>
#include <vector>

namespace agentpol {

enum class PartOutcome : uint8_t { NotRun = 0, True, False, Error };

struct RuleTrace {
  uint32_t rule = 0;      // index into the bundle's rules
  bool matched = false;   // as decide() counts it: an error makes a forbid or escalate match, a permit not
  bool error = false;     // the condition could not be evaluated
  // One per part of the rule's debug entry (empty without a debug table):
  // NotRun when evaluation never got to it (short-circuit, or folded away).
  std::vector<PartOutcome> parts;
};

// Decides `request` like decide() (into *decision) and traces every rule
// applicable to its agent and action, in bundle (= source) order: the agent
// rules naming the agent or `*`, then — with a user — also the user rules,
// all of them, whatever decided first. Empty when the decision came before
// any rule (bad_request, revoked, unknown_agent, agent_expired,
// out_of_scope). Allocates; not for the hot path.
std::vector<RuleTrace> trace_decision(const Bundle& bundle, Request& request, const DecideOptions& options,
                                      Result* decision);

}  // namespace agentpol
