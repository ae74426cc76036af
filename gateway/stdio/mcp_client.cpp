// mcp_client.cpp — McpClient: blocking writes, poll(2) reads with a deadline.
#include "stdio/mcp_client.h"

#include "core/jsonrpc.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <poll.h>
#include <unistd.h>

namespace agentpol::gateway {

int64_t steady_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

bool McpClient::start(const std::vector<std::string>& argv, std::string* error) {
  std::signal(SIGPIPE, SIG_IGN);
  return child_.spawn(argv, error);
}

bool McpClient::send(const json& message, std::string* error) {
  std::string line = canonical(message) + "\n";
  size_t done = 0;
  while (done < line.size()) {
    ssize_t n = ::write(child_.in(), line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = "the server closed its input";
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

bool McpClient::notify(const std::string& method, const json& params, std::string* error) {
  return send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}, error);
}

bool McpClient::next_message(int64_t deadline_ms, json* out, std::string* error) {
  while (lines_.empty()) {
    int64_t left = deadline_ms - steady_now_ms();
    if (left <= 0) {
      *error = "the server did not answer in time";
      return false;
    }
    pollfd p{child_.out(), POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
    char buf[65536];
    ssize_t n = ::read(child_.out(), buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = "the server exited before answering";
      return false;
    }
    framer_.feed({buf, static_cast<size_t>(n)}, [this](std::string_view l) { lines_.emplace_back(l); }, [] {});
  }
  std::string line = std::move(lines_.front());
  lines_.pop_front();
  if (line.find_first_not_of(" \t\r") == std::string::npos) return next_message(deadline_ms, out, error);
  if (!parse_strict(line, out, error)) {
    *error = "the server sent something that is not JSON: " + *error;
    return false;
  }
  return true;
}

bool McpClient::request(const std::string& method, const json& params, int64_t deadline_ms, json* result,
                        std::string* error) {
  json id = ++next_id_;
  if (!send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}, error)) return false;
  json msg;
  while (next_message(deadline_ms, &msg, error)) {
    RpcMessage m = classify(std::move(msg));
    if (m.kind == RpcKind::Request) {  // the server asks us something: only ping is answered
      std::string reply = m.method == "ping" ? rpc_result(m.id, json::object())
                                             : rpc_error(m.id, -32601, "Method not found");
      if (!send(json::parse(reply), error)) return false;
      continue;
    }
    if (m.kind != RpcKind::Response || m.id != id) continue;
    if (m.doc.contains("error")) {
      *error = method + " failed: " + canonical(m.doc["error"]);
      return false;
    }
    *result = m.doc["result"];
    return true;
  }
  return false;
}

int McpClient::stop() {
  child_.close_in();
  int status = 0;
  int64_t start = steady_now_ms();
  bool termed = false;
  while (!child_.reap(&status)) {
    int64_t waited = steady_now_ms() - start;
    if (!termed && waited > 5000) {
      child_.signal(SIGTERM);
      termed = true;
    } else if (waited > 10000) {
      child_.signal(SIGKILL);
    }
    ::usleep(20000);
  }
  return exit_code(status);
}

}  // namespace agentpol::gateway
