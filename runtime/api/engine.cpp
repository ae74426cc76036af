// engine.cpp — Engine: an immutable State snapshot (bundle, sorted revoked
// names, audit hook) published with std::atomic_store and a generation
// counter. A Request caches the snapshot it last used, so the hot path is one
// atomic load of the generation; writers copy the state and publish anew.
#include "api/access.h"

#include <agentpol/engine.h>

#include <algorithm>
#include <string>
#include <vector>

namespace agentpol {

struct Engine::State {
  std::shared_ptr<const Bundle> bundle;
  std::vector<std::string> revoked;  // sorted
  AuditHook hook;

  bool is_revoked(std::string_view agent) const {
    if (revoked.empty()) return false;
    auto it = std::lower_bound(revoked.begin(), revoked.end(), agent,
                               [](const std::string& a, std::string_view b) { return a < b; });
    return it != revoked.end() && *it == agent;
  }
};

Engine::Engine(std::shared_ptr<const Bundle> bundle) {
  auto s = std::make_shared<State>();
  s->bundle = std::move(bundle);
  state_ = std::move(s);
}
Engine::~Engine() = default;

void Engine::publish(std::shared_ptr<const State> next) {
  std::atomic_store(&state_, std::move(next));
  generation_.fetch_add(1, std::memory_order_release);
}

void Engine::swap(std::shared_ptr<const Bundle> bundle) {
  if (!bundle) return;
  std::lock_guard<std::mutex> lock(write_mu_);
  auto next = std::make_shared<State>(*std::atomic_load(&state_));
  next->bundle = std::move(bundle);
  publish(std::move(next));
}

std::shared_ptr<const Bundle> Engine::current() const { return std::atomic_load(&state_)->bundle; }

void Engine::revoke(std::string_view agent) {
  std::lock_guard<std::mutex> lock(write_mu_);
  auto next = std::make_shared<State>(*std::atomic_load(&state_));
  auto it = std::lower_bound(next->revoked.begin(), next->revoked.end(), agent,
                             [](const std::string& a, std::string_view b) { return a < b; });
  if (it != next->revoked.end() && *it == agent) return;
  next->revoked.insert(it, std::string(agent));
  publish(std::move(next));
}

void Engine::unrevoke(std::string_view agent) {
  std::lock_guard<std::mutex> lock(write_mu_);
  auto next = std::make_shared<State>(*std::atomic_load(&state_));
  auto& v = next->revoked;
  auto it = std::find(v.begin(), v.end(), agent);
  if (it == v.end()) return;
  v.erase(it);
  publish(std::move(next));
}

bool Engine::is_revoked(std::string_view agent) const { return std::atomic_load(&state_)->is_revoked(agent); }

void Engine::set_audit_hook(AuditHook hook) {
  std::lock_guard<std::mutex> lock(write_mu_);
  auto next = std::make_shared<State>(*std::atomic_load(&state_));
  next->hook = std::move(hook);
  publish(std::move(next));
}

Result Engine::decide(Request& request) const {
  detail::RequestData& r = detail::request_data(request);
  uint64_t gen = generation_.load(std::memory_order_acquire);
  if (r.engine != this || r.generation != gen || !r.snapshot) {
    r.snapshot = std::atomic_load(&state_);
    r.engine = this;
    r.generation = gen;
  }
  const State& s = *static_cast<const State*>(r.snapshot.get());
  if (!s.bundle) {
    r.error = "the engine has no bundle";
    Result none;
    none.message = r.error;
    return none;  // deny / bad_request
  }
  DecideOptions opts;
  if (r.agent >= 0) opts.revoked = s.is_revoked(detail::as_view(r.ents[static_cast<size_t>(r.agent)].id));
  Result res = agentpol::decide(*s.bundle, request, opts);
  if (!s.hook || s.hook(AuditRecord(request, res, *s.bundle))) return res;
  Result failed;  // no audit, no decision
  failed.reason = Reason::AuditFailed;
  failed.bundle = s.bundle.get();
  failed.message = "the audit hook could not store the decision's record, so no decision was made";
  return failed;
}

}  // namespace agentpol
