// audit_log.h — the gateway's audit trail (spec section 11): one JSON line
// per tools/call, written with write(2) before the call is forwarded or
// answered, and one line per bundle, entities or context (re)load. A line
// that cannot be written whole stops the call: no audit, no action.
#pragma once

#include "core/call_request.h"
#include "core/decider.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace agentpol::gateway {

class AuditSink {
 public:
  virtual ~AuditSink() = default;
  // Writes `line` and a newline; false with *error unless all was written.
  virtual bool write(std::string_view line, std::string* error) = 0;
};

// An append-only file (created 0600), or standard error for "-".
class FileAudit final : public AuditSink {
 public:
  static std::unique_ptr<FileAudit> open(const std::string& path, bool fsync, std::string* error);
  ~FileAudit() override;
  bool write(std::string_view line, std::string* error) override;

 private:
  FileAudit(int fd, bool owned, bool fsync) : fd_(fd), owned_(owned), fsync_(fsync) {}
  int fd_;
  bool owned_, fsync_;
  bool torn_ = false;  // a line was cut short: start the next on a new line
  std::string buf_;
};

// Unique audit ids: a random instance prefix (so gateways sharing a file do
// not collide) and a sequence number: "3f9c2a7d61e0-000042".
class AuditIds {
 public:
  AuditIds();
  std::string next();

 private:
  std::string prefix_;
  uint64_t seq_ = 0;
};

// RFC 3339 UTC with milliseconds: 2026-11-28T14:03:00.250Z.
std::string rfc3339_millis(int64_t epoch_ms);

struct ShadowVerdict {
  const Verdict* verdict = nullptr;
  std::string bundle;
};

// Everything one tools/call line holds.
struct CallRecord {
  int64_t time_ms = 0;
  std::string audit_id;
  const Caller* caller = nullptr;
  std::optional<std::string> tool;
  const json* args = nullptr;      // the call's arguments as given (null if none)
  const Verdict* verdict = nullptr;
  std::string bundle;              // hash of the enforced bundle
  std::string mode;                // "enforce" or "shadow"
  std::string outcome;             // forwarded, blocked, held, approved, declined
  std::optional<std::string> approval;  // the approval's id, for escalated calls
  std::optional<std::string> approver;  // who approved or declined it
  std::optional<ShadowVerdict> shadow;
};

std::string call_line(const CallRecord& record);

// A (re)load of one input file: event "bundle_loaded", "bundle_refused",
// "entities_loaded", … ; `bundle` is the hash in force afterwards.
struct ReloadEvent {
  std::string event;
  std::string role;   // bundle events: "enforced" or "shadow"
  std::string file;
  std::string error;  // refusals: why
  std::string bundle;
};

std::string reload_line(int64_t time_ms, const ReloadEvent& event);

}  // namespace agentpol::gateway
