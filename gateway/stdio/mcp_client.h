// mcp_client.h — a minimal MCP client over stdio for `agentpol-mcp schema`:
// starts the server, sends requests one at a time and waits for each answer
// (with a deadline), answers the server's ping and refuses its other
// requests, then closes the server's input and waits for it.
#pragma once

#include "core/strict_json.h"
#include "stdio/child_process.h"
#include "stdio/line_framer.h"

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace agentpol::gateway {

class McpClient {
 public:
  McpClient() : framer_(size_t(256) << 20) {}
  bool start(const std::vector<std::string>& argv, std::string* error);
  // Sends `method` and waits until `deadline_ms` (steady clock) for its
  // answer: the result, or false with *error (the server's error, a timeout,
  // or the server exiting).
  bool request(const std::string& method, const json& params, int64_t deadline_ms, json* result, std::string* error);
  bool notify(const std::string& method, const json& params, std::string* error);
  // Closes the server's input and waits (then SIGTERM, SIGKILL); its exit code.
  int stop();

 private:
  bool send(const json& message, std::string* error);
  bool next_message(int64_t deadline_ms, json* out, std::string* error);

  ChildProcess child_;
  LineFramer framer_;
  std::deque<std::string> lines_;
  int64_t next_id_ = 0;
};

int64_t steady_now_ms();

}  // namespace agentpol::gateway
