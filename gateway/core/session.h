// session.h — the gateway's transport-independent core: messages from the
// client and from the server go in, messages for each come out through
// Peers. Every tools/call is decided (enforced bundle, and the shadow bundle
// when set), audited, then forwarded or answered; an escalated one is held
// for approval (section 12) without blocking anything else; tools/list
// results are filtered; everything else is relayed as received. The stdio transport
// (stdio/) is one adapter; HTTP (section 13) will be another.
#pragma once

#include "core/audit_log.h"
#include "core/decider.h"
#include "core/id_space.h"
#include "core/jsonrpc.h"
#include "core/policy_files.h"
#include "core/state_db.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace agentpol::gateway {

// Where the session's output goes. Each message is one JSON text, no newline.
class Peers {
 public:
  virtual ~Peers() = default;
  virtual void to_client(std::string_view message) = 0;
  virtual void to_server(std::string_view message) = 0;
  virtual void note(std::string_view text) = 0;  // for the operator (stderr)
};

// How escalated calls are approved (spec section 12).
struct ApprovalOptions {
  bool via_elicitation = false;  // ask the client (when it can), else the operator
  int64_t hold_ms = 0;           // how long a call waits for the operator
  int64_t ttl_ms = 3600 * 1000;  // an approval's lifetime from its creation
};

struct SessionOptions {
  Caller caller;
  bool shadow_mode = false;  // decide and audit, forward as if allowed
  ApprovalOptions approvals;
};

// What the session reads from outside itself.
struct SessionInputs {
  PolicyFiles* files = nullptr;
  AuditSink* audit = nullptr;
  std::function<RevocationCheck(std::string_view agent)> revoked;
  std::function<int64_t()> now_ms;  // wall clock, epoch milliseconds
  StateDb* state = nullptr;         // approvals; none: escalated calls are refused
};

class Session {
 public:
  Session(SessionOptions options, SessionInputs inputs, Peers& peers);

  // One framed message from the client (or a batch, when allowed).
  void client_message(std::string_view text);
  // A client message longer than the framing limit (it was dropped).
  void client_oversized(size_t limit);
  void server_message(std::string_view text);
  // The server is gone: every request still waiting gets a JSON-RPC error.
  void server_gone(std::string_view why);
  // Requests of the client still waiting for the server.
  size_t waiting() const { return pending_.size(); }
  // Calls held for approval.
  size_t holding() const { return held_.size(); }
  // Settles held calls whose approval was decided or whose hold ended;
  // returns the milliseconds until it should run again (-1: nothing held).
  int64_t tick();
  // The protocol version the server agreed to ("" before initialize).
  const std::string& protocol_version() const { return protocol_; }

 private:
  enum class Method { ToolsCall, ToolsList, Initialize, Other };
  struct Pending {
    json id;
    Method method = Method::Other;
    uint64_t batch = 0;  // 0: not part of a batch
  };
  struct Batch {
    size_t waiting = 0;
    std::vector<std::string> responses;
  };
  // A tools/call held for approval, with what its audit line will say.
  struct Held {
    json id;
    std::string id_key, raw;
    uint64_t batch = 0;
    std::string audit_id;
    int64_t time_ms = 0;
    std::optional<std::string> tool;
    json args;
    Verdict verdict;
    std::string bundle;
    std::optional<Verdict> shadow;
    std::string shadow_bundle;
    Approval approval;
    int64_t deadline_ms = 0;
    std::optional<int64_t> elicitation;  // the id of our elicitation/create, when one was sent
  };
  enum class Settle { Approved, Declined, Held, Blocked };

  void client_batch(const json& items);
  void from_client(RpcMessage m, std::string_view raw, uint64_t batch);
  void client_response(RpcMessage& m);
  void call(const RpcMessage& m, std::string_view raw, uint64_t batch);
  void forward(const RpcMessage& m, std::string_view raw, Method method, uint64_t batch);
  // session_hold.cpp: escalated calls.
  void escalate(Held h, int64_t now_ms);
  void ask_client(Held& h);
  bool elicitation_answer(const RpcMessage& m);
  // Moves h out (and out of held_), audits it, then forwards or answers it
  // (no answer when `answer` is false: the client cancelled it).
  void settle(Held& h, Settle how, bool answer = true);
  bool cancel_held(const json& notification);
  bool check_held(Held& h, int64_t now_ms);
  void from_server(RpcMessage m, std::string_view raw);
  void server_response(RpcMessage& m, std::string_view raw);
  void server_request(RpcMessage& m);
  void server_notification(RpcMessage& m, std::string_view raw);
  void reply(uint64_t batch, std::string message);
  void refresh(int64_t now_ms);
  bool revoked(std::string* why);

  SessionOptions opts_;
  SessionInputs in_;
  Peers& peers_;
  AuditIds audit_ids_;
  ServerIdMap server_ids_;
  std::unordered_map<std::string, Pending> pending_;  // by canonical client id
  std::unordered_map<std::string, Held> held_;        // by canonical client id
  std::unordered_map<int64_t, std::string> asked_;    // elicitation id -> held call
  int64_t next_poll_ms_ = 0;
  bool client_elicits_ = false;                       // it declared form elicitation
  std::unordered_map<uint64_t, Batch> batches_;
  uint64_t last_batch_ = 0;
  std::string protocol_;
};

}  // namespace agentpol::gateway
