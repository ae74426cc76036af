// agentpol/engine.h — the embeddable evaluator: holds the current bundle
// (atomic swap), the revocation list (kill switch) and the audit hook. All
// member functions are thread-safe; decide() takes a per-thread Request.
#pragma once
#include <agentpol/audit.h>
#include <agentpol/decide.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string_view>

namespace agentpol {

using AuditHook = std::function<void(const AuditRecord&)>;

class Engine {
 public:
  explicit Engine(std::shared_ptr<const Bundle> bundle);
  ~Engine();

  // Replaces the bundle; decisions starting after swap() returns use it.
  void swap(std::shared_ptr<const Bundle> bundle);
  std::shared_ptr<const Bundle> current() const;

  // Kill switch by agent name; effective on the next decision.
  void revoke(std::string_view agent);
  void unrevoke(std::string_view agent);
  bool is_revoked(std::string_view agent) const;

  // Called once per decision, on the deciding thread (may be empty).
  void set_audit_hook(AuditHook hook);

  // Decides with the current bundle. A request built for a bundle whose
  // schema differs from the current one is deny/bad_request.
  Result decide(Request& request) const;

  struct State;  // runtime-internal snapshot

 private:
  void publish(std::shared_ptr<const State> next);
  std::shared_ptr<const State> state_;   // read with std::atomic_load
  std::atomic<uint64_t> generation_{1};
  std::mutex write_mu_;                  // serializes writers only
};

}  // namespace agentpol
