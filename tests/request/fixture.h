// fixture.h — shared by the request tests: a "kitchen" bundle whose schema has
// every value kind (records in context and attributes, optional attributes,
// sets of entities), the hand-lowered billing bundle, and run(), which reads
// one request JSON and decides it through an Engine, keeping the audit line.
#pragma once

#include <agentpol/bundle.h>

#include <memory>
#include <string>
#include <vector>

namespace agentpol::test {

std::shared_ptr<const Bundle> kitchenBundle();
std::shared_ptr<const Bundle> billingBundle();

struct Outcome {
  bool unreadable = false;
  std::string error;  // why unreadable
  std::string decision, reason, message;
  std::vector<std::string> rules;  // sorted
  std::string audit;               // the audit_json line
};

Outcome run(const std::shared_ptr<const Bundle>& bundle, const std::string& json,
             const std::vector<std::string>& revoke = {});

// A valid kitchen request (compact JSON) with `patch` merged in: objects
// merge member by member, anything else (null included) replaces.
std::string kitchen(const std::string& patch = "{}");
// The first billing conformance request with `patch` merged in.
std::string billing(const std::string& patch = "{}");
// Replaces the first `from` in `json` (to write numbers exactly as given).
std::string edit(std::string json, const std::string& from, const std::string& to);

}  // namespace agentpol::test
