// bc_util.h — helpers for the bytecode-proof tests: the policy sets to run
// (examples/, tests/semantics/, tests/codegen/policies/, this folder's
// policies/, the conformance billing set), a bundle session over a policy,
// evaluation of the bytecode terms on one concrete request (pinned through
// concrete_request.h), running one block on the VM, and bundle mutation.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <agentpol/agentpol.hpp>
#include <nlohmann/json.hpp>

#include "json_decide.h"
#include "api/access.h"  // bundle_data(), request_data(), make_env()
#include "policy_load.h"
#include "verify/bytecode/bundle_session.h"

namespace agentpol::bctest {

// Each entry is one policy set (files or folders given together).
std::vector<std::vector<std::string>> policySets();
std::string setName(const std::vector<std::string>& set);

// A compiled policy with a source Session and a BundleSession over its bundle
// (or over `bundle` when given, e.g. a mutated one).
struct Fixture {
  std::unique_ptr<test::LoadedPolicy> loaded;
  std::shared_ptr<const Bundle> bundle;
  std::unique_ptr<verify::Session> session;
  std::unique_ptr<verify::bytecode::BundleSession> bytecode;
  const sema::CheckedPolicy& policy() const { return *loaded->policy; }
};
std::unique_ptr<Fixture> fixture(std::unique_ptr<test::LoadedPolicy> loaded,
                                 std::shared_ptr<const Bundle> bundle = nullptr, unsigned timeoutMs = 10000);
std::unique_ptr<Fixture> fixtureText(const std::string& policyText);

// The bytecode model evaluated on one request (every symbol pinned).
struct BlockOutcome {
  std::string id;
  int value = 0;  // 0 false, 1 true, 2 error
};
struct ConcreteBytecode {
  bool determined = false;  // the pinned request fixes every term below
  std::string decision, reason;
  std::vector<std::string> rules;     // reporting rules, sorted
  std::vector<BlockOutcome> blocks;   // per BytecodeModel rule
  std::string error;
};
ConcreteBytecode evalBytecode(Fixture& f, uint32_t action, const nlohmann::json& request);

// Runs code block `code` of `bundle` on a request the VM has decided (sealed).
int runBlockOnVm(const Bundle& bundle, const Request& request, uint32_t code);

// Decides a request JSON with `bundle` through the request reader and the VM.
using VmDecision = test::JsonDecision;
using test::decideJson;

// Runs rule `ruleId`'s block for the request's action on the VM (the request
// read and decided first, which seals it): 0 false, 1 true, 2 error, -1 none.
int ruleBlockOnVm(std::shared_ptr<const Bundle> bundle, const nlohmann::json& request, const std::string& ruleId);

// Serializes and loads a (mutated) image; throws when the loader refuses it.
std::shared_ptr<const Bundle> loadImage(const BundleImage& image);

}  // namespace agentpol::bctest
