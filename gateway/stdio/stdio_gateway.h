// stdio_gateway.h — the stdio transport of `agentpol-mcp run` (spec section
// 11): the client on the gateway's stdin/stdout, the server a child on
// pipes, one poll(2) loop relaying newline-framed messages both ways
// through the Session, several requests in flight, and the exit rules:
// the client closing its input closes the server's, waits for it and exits
// with its status; the server dying answers what waits and exits non-zero.
#pragma once

#include "core/session.h"
#include "stdio/child_process.h"
#include "stdio/line_framer.h"
#include "stdio/out_buffer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace agentpol::gateway {

// Longest message accepted from the client / from the server.
inline constexpr size_t kMaxClientMessage = size_t(16) << 20;
inline constexpr size_t kMaxServerMessage = size_t(256) << 20;

class StdioGateway final : public Peers {
 public:
  StdioGateway(SessionOptions options, SessionInputs inputs);
  ~StdioGateway() override;

  // Starts the server and relays until the end; returns the exit code.
  int run(const std::vector<std::string>& server_command);

  void to_client(std::string_view message) override;
  void to_server(std::string_view message) override;
  void note(std::string_view text) override;

 private:
  void loop();
  void read_client();
  void read_server();
  void write_client();
  void write_server();
  void on_signal();
  void client_closed();
  void server_closed();
  void check_deadlines(int64_t now);
  bool finished() const;
  int poll_timeout(int64_t now) const;

  Session session_;
  ChildProcess child_;
  LineFramer from_client_{kMaxClientMessage}, from_server_{kMaxServerMessage};
  OutBuffer to_client_, to_server_;
  bool client_open_ = true, stdout_ok_ = true, server_open_ = true;
  bool server_died_ = false;  // the server went away while the client was there
  int wait_status_ = 0;
  int64_t term_at_ = 0, kill_at_ = 0;  // shutdown deadlines (steady ms), 0: none
};

}  // namespace agentpol::gateway
