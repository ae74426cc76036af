// agentpol/engine.h — the embeddable evaluator: holds the current bundle
// (atomic swap), the revocation list (kill switch) and the audit hook. All
// member functions are thread-safe; decide() takes a per-thread Request.
// No audit, no decision: when the hook reports that it could not store a
// record, decide() returns deny/audit_failed instead of the decision.
#pragma once
#include <agentpol/audit.h>
#include <agentpol/decide.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string_view>
#include <type_traits>
#include <utility>

namespace agentpol {

// Receives the record of each decision; returns true when the record is
// stored (written, or queued where it cannot be lost), false when the sink
// failed. An exception it throws leaves decide() (no decision is returned).
using AuditHook = std::function<bool(const AuditRecord&)>;

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
  // A hook returning void cannot report a failed sink: every record counts
  // as stored (kept for hooks written before hooks returned bool).
  template <class F, std::enable_if_t<std::is_void_v<std::invoke_result_t<F&, const AuditRecord&>>, int> = 0>
  void set_audit_hook(F hook) {
    if constexpr (std::is_constructible_v<bool, const F&>) {
      if (!static_cast<bool>(hook)) return set_audit_hook(AuditHook());  // an empty std::function
    }
    set_audit_hook(AuditHook([h = std::move(hook)](const AuditRecord& r) mutable {
      h(r);
      return true;
    }));
  }

  // Decides with the current bundle. A request built for a bundle whose
  // schema differs from the current one is deny/bad_request. When the hook
  // returns false the result is deny, reason Reason::AuditFailed, no rules,
  // a message saying so: the decision was not made.
  Result decide(Request& request) const;

  struct State;  // runtime-internal snapshot

 private:
  void publish(std::shared_ptr<const State> next);
  std::shared_ptr<const State> state_;   // read with std::atomic_load
  std::atomic<uint64_t> generation_{1};
  std::mutex write_mu_;                  // serializes writers only
};

}  // namespace agentpol
