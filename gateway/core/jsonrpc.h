// jsonrpc.h — JSON-RPC 2.0 as MCP uses it: what one parsed message is
// (request, notification, response, or invalid and why), and the error and
// result messages the gateway writes itself. The gateway relays messages it
// does not change as the bytes received; only what it answers is built here.
#pragma once

#include "core/strict_json.h"

#include <string>
#include <string_view>

namespace agentpol::gateway {

enum class RpcKind { Request, Notification, Response, Invalid };

// JSON-RPC 2.0 error codes the gateway answers with.
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kInternalError = -32603;

struct RpcMessage {
  RpcKind kind = RpcKind::Invalid;
  json doc;             // the whole message
  json id;              // Request and Response; null otherwise
  std::string id_key;   // canonical text of id: 1 and "1" differ
  std::string method;   // Request and Notification
  std::string problem;  // Invalid: why
};

// Classifies one message (a JSON value; batches are split by the caller).
RpcMessage classify(json doc);

// {"jsonrpc":"2.0","id":ID,"error":{"code":CODE,"message":MESSAGE}}
std::string rpc_error(const json& id, int code, std::string_view message);
// {"jsonrpc":"2.0","id":ID,"result":RESULT}
std::string rpc_result(const json& id, const json& result);

}  // namespace agentpol::gateway
