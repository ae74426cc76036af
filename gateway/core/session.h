// session.h — the gateway's transport-independent core: messages from the
// client and from the server go in, messages for each come out through
// Peers. Every tools/call is decided (enforced bundle, and the shadow bundle
// when set), audited, then forwarded or answered; tools/list results are
// filtered; everything else is relayed as received. The stdio transport
// (stdio/) is one adapter; HTTP (section 13) will be another.
#pragma once

#include "core/audit_log.h"
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

struct SessionOptions {
  Caller caller;
  bool shadow_mode = false;  // decide and audit, forward as if allowed
};

// What the session reads from outside itself.
struct SessionInputs {
  PolicyFiles* files = nullptr;
  AuditSink* audit = nullptr;
  std::function<RevocationCheck(std::string_view agent)> revoked;
  std::function<int64_t()> now_ms;  // wall clock, epoch milliseconds
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

  void client_batch(const json& items);
  void from_client(RpcMessage m, std::string_view raw, uint64_t batch);
  void client_response(RpcMessage& m);
  void call(const RpcMessage& m, std::string_view raw, uint64_t batch);
  void forward(const RpcMessage& m, std::string_view raw, Method method, uint64_t batch);
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
  std::unordered_map<uint64_t, Batch> batches_;
  uint64_t last_batch_ = 0;
  std::string protocol_;
};

}  // namespace agentpol::gateway
