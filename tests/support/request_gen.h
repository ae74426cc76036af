// request_gen.h — test support: a seeded, deterministic generator of
// well-typed requests for a CheckedPolicy (as ref::Request), biased toward
// the policy's own constants so rules fire: its numbers, strings, `like`
// patterns (matching and not), set elements and times (agents' expiry, ±
// small steps), boundary values near overflow, entities with and without
// attributes, optional values present and absent, user present and absent.
// buildRequest() turns one into an agentpol::Request (records flattened to
// the bundle's dotted slots) for the VM.
#pragma once

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <agentpol/request.h>

#include "ref_request.h"
#include "sema/checked_policy.h"

namespace agentpol::ref {

class RequestGenerator {
 public:
  RequestGenerator(const sema::CheckedPolicy& policy, uint64_t seed);
  Request next();

 private:
  Value value(const sema::Type* t, int depth);
  Value fieldValue(const sema::Field& f, int depth);
  Value entityValue(uint32_t type, int depth);
  Value entityWithId(uint32_t type, const std::string& id, int depth);
  int64_t number(const std::string& key);
  int64_t timeValue();
  std::string text();
  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  void harvest(const ast::Expr* e);

  const sema::CheckedPolicy& policy_;
  std::mt19937_64 rng_;
  std::map<std::string, std::vector<int64_t>> numbers_;  // by kind key: "Int", "Money<EUR>", "Duration", "Time"
  std::vector<std::string> strings_;
  Request* cur_ = nullptr;
  std::map<std::pair<uint32_t, std::string>, int64_t> index_;  // (type, id) -> entity
};

// Fills `out` (reset first) from `r` through the runtime's Request API.
void buildRequest(const sema::CheckedPolicy& policy, const Request& r, agentpol::Request& out);

}  // namespace agentpol::ref
