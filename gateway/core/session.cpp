// session.cpp — routing: client messages (batches split when the protocol
// version allows them), server messages (ids of server requests swapped,
// tools/list results filtered, responses matched to what is waiting), and
// the batch replies gathered into one array.
#include "core/session.h"

#include "core/answers.h"
#include "core/tools_filter.h"

namespace agentpol::gateway {
namespace {

// The one protocol version whose JSON-RPC batches MCP allows (2025-03-26
// added them, 2025-06-18 removed them).
constexpr std::string_view kBatchProtocol = "2025-03-26";

bool blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// initialize's params.capabilities.elicitation: {} (form, the default) or
// with a "form" member.
bool declares_form_elicitation(const json& doc) {
  const json* e = &doc;
  for (const char* key : {"params", "capabilities", "elicitation"}) {
    if (!e->is_object() || !e->contains(key)) return false;
    e = &(*e)[key];
  }
  return e->is_object() && (e->empty() || e->contains("form"));
}

}  // namespace

Session::Session(SessionOptions options, SessionInputs inputs, Peers& peers)
    : opts_(std::move(options)), in_(std::move(inputs)), peers_(peers) {}

void Session::client_message(std::string_view text) {
  if (blank(text)) return;
  json doc;
  std::string error;
  if (!parse_strict(text, &doc, &error)) {
    peers_.to_client(rpc_error(nullptr, kParseError, "Parse error: " + error));
    return;
  }
  if (doc.is_array()) return client_batch(doc);
  from_client(classify(std::move(doc)), text, 0);
}

void Session::client_oversized(size_t limit) {
  peers_.to_client(rpc_error(nullptr, kInvalidRequest,
                             "message longer than " + std::to_string(limit) + " bytes; it was dropped"));
}

void Session::client_batch(const json& items) {
  if (protocol_ != kBatchProtocol) {
    std::string version = protocol_.empty() ? "none yet" : protocol_;
    peers_.to_client(rpc_error(nullptr, kInvalidRequest,
                               "JSON-RPC batches are not allowed by the protocol version in use (" + version + ")"));
    return;
  }
  if (items.empty()) {
    peers_.to_client(rpc_error(nullptr, kInvalidRequest, "an empty batch"));
    return;
  }
  std::vector<RpcMessage> messages;
  size_t answers = 0;
  for (const json& item : items) {
    messages.push_back(classify(item));
    RpcKind k = messages.back().kind;
    answers += k == RpcKind::Request || k == RpcKind::Invalid;
  }
  uint64_t id = answers ? ++last_batch_ : 0;
  if (id) batches_[id].waiting = answers;
  for (RpcMessage& m : messages) {
    std::string raw = canonical(m.doc);
    from_client(std::move(m), raw, id);
  }
}

void Session::from_client(RpcMessage m, std::string_view raw, uint64_t batch) {
  switch (m.kind) {
    case RpcKind::Invalid: return reply(batch, rpc_error(m.id, kInvalidRequest, "Invalid Request: " + m.problem));
    case RpcKind::Response: return client_response(m);
    case RpcKind::Notification:
      if (m.method == "tools/call") {
        peers_.note("dropped a tools/call without an id (a notification cannot be answered)");
        return;
      }
      if (m.method == "notifications/cancelled" && cancel_held(m.doc)) return;
      peers_.to_server(raw);
      return;
    case RpcKind::Request: break;
  }
  if (pending_.count(m.id_key) || held_.count(m.id_key)) {
    return reply(batch, rpc_error(m.id, kInvalidRequest, "Invalid Request: id " + m.id_key +
                                                             " is already used by a request in flight"));
  }
  if (m.method == "tools/call") return call(m, raw, batch);
  if (m.method == "initialize") client_elicits_ = declares_form_elicitation(m.doc);
  Method method = m.method == "tools/list" ? Method::ToolsList
                  : m.method == "initialize" ? Method::Initialize
                                             : Method::Other;
  forward(m, raw, method, batch);
}

void Session::forward(const RpcMessage& m, std::string_view raw, Method method, uint64_t batch) {
  pending_[m.id_key] = Pending{m.id, method, batch};
  peers_.to_server(raw);
}

// A client's answer to a server request: back to the server's own id.
void Session::client_response(RpcMessage& m) {
  if (elicitation_answer(m)) return;
  std::optional<json> original = server_ids_.to_server(m.id);
  if (!original) {
    peers_.note("dropped a client response to unknown request id " + m.id_key);
    return;
  }
  m.doc["id"] = *original;
  peers_.to_server(canonical(m.doc));
}

void Session::server_message(std::string_view text) {
  if (blank(text)) return;
  json doc;
  std::string error;
  if (!parse_strict(text, &doc, &error)) {
    peers_.note("dropped a server message that is not JSON: " + error);
    return;
  }
  if (!doc.is_array()) return from_server(classify(std::move(doc)), text);
  for (const json& item : doc) from_server(classify(item), canonical(item));  // batches go out one by one
}

void Session::from_server(RpcMessage m, std::string_view raw) {
  switch (m.kind) {
    case RpcKind::Response: return server_response(m, raw);
    case RpcKind::Request: return server_request(m);
    case RpcKind::Notification: return server_notification(m, raw);
    case RpcKind::Invalid: peers_.note("dropped an invalid server message: " + m.problem); return;
  }
}

void Session::server_response(RpcMessage& m, std::string_view raw) {
  auto it = pending_.find(m.id_key);
  if (it == pending_.end()) {
    peers_.note("dropped a server response to unknown request id " + m.id_key);
    return;
  }
  Pending p = std::move(it->second);
  pending_.erase(it);
  auto result = m.doc.find("result");
  bool has_result = result != m.doc.end() && result->is_object();
  if (p.method == Method::Initialize && has_result) {
    auto v = result->find("protocolVersion");
    if (v != result->end() && v->is_string()) protocol_ = v->get<std::string>();
  }
  if (p.method != Method::ToolsList || !has_result || opts_.shadow_mode) return reply(p.batch, std::string(raw));
  int64_t now_ms = in_.now_ms();
  refresh(now_ms);
  std::string why;
  bool is_revoked = revoked(&why);
  filter_tools(*result, *in_.files->enforced().bundle(), opts_.caller.agent, now_ms / 1000, is_revoked);
  reply(p.batch, canonical(m.doc));
}

void Session::server_request(RpcMessage& m) {
  m.doc["id"] = server_ids_.to_client(m.id);
  peers_.to_client(canonical(m.doc));
}

void Session::server_notification(RpcMessage& m, std::string_view raw) {
  if (m.method == "notifications/cancelled") {
    json& params = m.doc["params"];
    if (params.is_object() && params.contains("requestId")) {
      if (std::optional<int64_t> id = server_ids_.find(params["requestId"])) {
        params["requestId"] = *id;
        peers_.to_client(canonical(m.doc));
        return;
      }
    }
  }
  peers_.to_client(raw);
}

void Session::server_gone(std::string_view why) {
  std::unordered_map<std::string, Pending> waiting;
  waiting.swap(pending_);
  for (auto& [key, p] : waiting)
    reply(p.batch, rpc_error(p.id, kInternalError, "agentpol-mcp: " + std::string(why)));
  std::unordered_map<std::string, Held> held;
  held.swap(held_);
  asked_.clear();
  for (auto& [key, h] : held)  // their approvals stay in the state database
    reply(h.batch, rpc_error(h.id, kInternalError, "agentpol-mcp: " + std::string(why)));
  server_ids_.clear();
}

void Session::reply(uint64_t batch, std::string message) {
  auto it = batch ? batches_.find(batch) : batches_.end();
  if (it == batches_.end()) {
    peers_.to_client(message);
    return;
  }
  Batch& b = it->second;
  b.responses.push_back(std::move(message));
  if (--b.waiting > 0) return;
  std::string out = "[";
  for (size_t i = 0; i < b.responses.size(); ++i) out += (i ? "," : "") + b.responses[i];
  out += "]";
  batches_.erase(it);
  peers_.to_client(out);
}

void Session::refresh(int64_t now_ms) {
  std::vector<ReloadEvent> events;
  in_.files->refresh(now_ms, &events);
  for (const ReloadEvent& e : events) {
    if (!e.error.empty()) peers_.note(e.event + " " + e.file + ": " + e.error + " (the previous one stays in force)");
    else peers_.note(e.event + " " + e.file + " (bundle " + e.bundle + ")");
    std::string error;
    if (!in_.audit->write(reload_line(now_ms, e), &error)) peers_.note("audit log unavailable: " + error);
  }
}

// Revoked, or the state cannot be read (then *why says why).
bool Session::revoked(std::string* why) {
  RevocationCheck r = in_.revoked(opts_.caller.agent);
  *why = r.error;
  return r.revoked || !r.error.empty();
}

}  // namespace agentpol::gateway
