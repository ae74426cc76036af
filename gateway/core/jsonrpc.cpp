// jsonrpc.cpp — classify() reads only the envelope (jsonrpc, id, method,
// result/error); params stay in the document for whoever needs them.
#include "core/jsonrpc.h"

namespace agentpol::gateway {
namespace {

bool valid_id(const json& id) { return id.is_string() || id.is_number(); }

RpcMessage invalid(RpcMessage m, std::string why) {
  m.kind = RpcKind::Invalid;
  m.problem = std::move(why);
  return m;
}

}  // namespace

RpcMessage classify(json doc) {
  RpcMessage m;
  m.doc = std::move(doc);
  if (!m.doc.is_object()) return invalid(std::move(m), "a JSON-RPC message must be an object");
  auto id = m.doc.find("id");
  bool has_id = id != m.doc.end();
  if (has_id && valid_id(*id)) {
    m.id = *id;
    m.id_key = canonical(m.id);
  }
  auto version = m.doc.find("jsonrpc");
  if (version == m.doc.end() || *version != "2.0") return invalid(std::move(m), "\"jsonrpc\" must be \"2.0\"");
  if (has_id && !valid_id(*id)) return invalid(std::move(m), "\"id\" must be a string or a number");
  auto method = m.doc.find("method");
  if (method != m.doc.end()) {
    if (!method->is_string()) return invalid(std::move(m), "\"method\" must be a string");
    m.method = method->get<std::string>();
    m.kind = has_id ? RpcKind::Request : RpcKind::Notification;
    return m;
  }
  bool result = m.doc.contains("result"), error = m.doc.contains("error");
  if (has_id && result != error) {
    m.kind = RpcKind::Response;
    return m;
  }
  return invalid(std::move(m), "neither a request (\"method\") nor a response (\"id\" with \"result\" or \"error\")");
}

std::string rpc_error(const json& id, int code, std::string_view message) {
  json e = {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
  return canonical(e);
}

std::string rpc_result(const json& id, const json& result) {
  json r = {{"jsonrpc", "2.0"}, {"id", id}, {"result", result}};
  return canonical(r);
}

}  // namespace agentpol::gateway
