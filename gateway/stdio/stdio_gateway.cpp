// stdio_gateway.cpp — the poll loop. Reading stops while the other side's
// output backlog is over a high-water mark (backpressure, bounded memory);
// shutdown closes the server's stdin, then SIGTERM after a grace period,
// then SIGKILL, and always reaps the child. Held calls (section 12) are
// settled by Session::tick between polls, whose timeout they shorten.
#include "stdio/stdio_gateway.h"

#include "stdio/signal_pipe.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace agentpol::gateway {
namespace {

constexpr size_t kHighWater = size_t(64) << 20;  // output backlog that pauses reading
constexpr int64_t kTermAfterMs = 10000;          // server still running after its stdin closed
constexpr int64_t kKillAfterMs = 5000;           // still running after SIGTERM
constexpr int64_t kFlushMs = 5000;               // last answers to the client at exit

int64_t steady_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

void set_nonblocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

}  // namespace

StdioGateway::StdioGateway(SessionOptions options, SessionInputs inputs)
    : session_(std::move(options), std::move(inputs), *this) {}

StdioGateway::~StdioGateway() = default;

void StdioGateway::to_client(std::string_view message) {
  if (!stdout_ok_) return;
  to_client_.append(message);
  to_client_.append("\n");
}

void StdioGateway::to_server(std::string_view message) {
  if (child_.in() < 0) return;
  to_server_.append(message);
  to_server_.append("\n");
}

void StdioGateway::note(std::string_view text) {
  std::string line = "agentpol-mcp: ";
  line.append(text).push_back('\n');
  (void)!::write(STDERR_FILENO, line.data(), line.size());
}

int StdioGateway::run(const std::vector<std::string>& server_command) {
  int sig = install_signal_pipe();
  std::string error;
  if (sig < 0 || !child_.spawn(server_command, &error)) {
    note(sig < 0 ? "cannot set up signal handling" : error);
    return 127;
  }
  int stdout_flags = fcntl(STDOUT_FILENO, F_GETFL);
  set_nonblocking(STDOUT_FILENO);
  set_nonblocking(child_.in());
  set_nonblocking(child_.out());
  loop();
  fcntl(STDOUT_FILENO, F_SETFL, stdout_flags);
  int code = exit_code(wait_status_);
  return server_died_ && code == 0 ? 1 : code;
}

void StdioGateway::loop() {
  int sig = install_signal_pipe();
  while (!finished()) {
    int64_t now = steady_ms();
    check_deadlines(now);
    int64_t held_wait = session_.tick();  // held calls: approvals decided, holds over
    pollfd fds[5];
    nfds_t n = 0;
    auto watch = [&](int fd, short events) {
      fds[n] = pollfd{fd, events, 0};
      return static_cast<int>(n++);
    };
    int s = watch(sig, POLLIN);
    int in = client_open_ && to_server_.pending() < kHighWater ? watch(STDIN_FILENO, POLLIN) : -1;
    int out = stdout_ok_ && !to_client_.empty() ? watch(STDOUT_FILENO, POLLOUT) : -1;
    int sout = server_open_ && to_client_.pending() < kHighWater ? watch(child_.out(), POLLIN) : -1;
    int sin = child_.in() >= 0 && !to_server_.empty() ? watch(child_.in(), POLLOUT) : -1;
    int timeout = poll_timeout(now);
    if (held_wait >= 0 && held_wait < timeout) timeout = static_cast<int>(held_wait);
    if (::poll(fds, n, timeout) < 0 && errno != EINTR) break;
    if (fds[s].revents) on_signal();
    if (in >= 0 && fds[in].revents) read_client();
    if (sout >= 0 && fds[sout].revents) read_server();
    // Write at once what the reads queued (a pipe nearly always takes it):
    // one poll round trip less per message relayed.
    if ((out >= 0 && fds[out].revents) || (stdout_ok_ && !to_client_.empty())) write_client();
    if ((sin >= 0 && fds[sin].revents) || (child_.in() >= 0 && !to_server_.empty())) write_server();
    if (!client_open_ && to_server_.empty()) child_.close_in();
  }
  // The last answers (errors for calls the server never answered, too).
  if (server_died_) session_.server_gone("the MCP server exited before answering");
  int64_t until = steady_ms() + kFlushMs;
  while (stdout_ok_ && !to_client_.empty() && steady_ms() < until) {
    pollfd p{STDOUT_FILENO, POLLOUT, 0};
    if (::poll(&p, 1, 100) > 0) write_client();
  }
}

bool StdioGateway::finished() const { return child_.exited() && !server_open_; }

int StdioGateway::poll_timeout(int64_t now) const {
  int64_t next = term_at_ ? term_at_ : kill_at_;
  if (!next) return server_open_ || !child_.exited() ? 1000 : 0;
  return static_cast<int>(std::max<int64_t>(0, std::min<int64_t>(next - now, 1000)));
}

void StdioGateway::check_deadlines(int64_t now) {
  if (!child_.exited() && !server_open_ && child_.reap(&wait_status_)) term_at_ = kill_at_ = 0;
  if (term_at_ && now >= term_at_) {
    child_.signal(SIGTERM);
    term_at_ = 0;
    kill_at_ = now + kKillAfterMs;
  } else if (kill_at_ && now >= kill_at_) {
    child_.signal(SIGKILL);
    kill_at_ = 0;
  }
}

void StdioGateway::on_signal() {
  bool stop = false;
  drain_signal_pipe(install_signal_pipe(), &stop);
  if (!child_.exited() && child_.reap(&wait_status_)) term_at_ = kill_at_ = 0;
  if (stop && client_open_) {
    client_closed();
    child_.signal(SIGTERM);
  }
}

void StdioGateway::read_client() {
  char buf[65536];
  ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
  auto line = [this](std::string_view l) { session_.client_message(l); };
  auto oversized = [this] { session_.client_oversized(kMaxClientMessage); };
  if (n <= 0) {
    from_client_.finish(line, oversized);
    return client_closed();
  }
  from_client_.feed({buf, static_cast<size_t>(n)}, line, oversized);
}

void StdioGateway::read_server() {
  char buf[65536];
  ssize_t n = ::read(child_.out(), buf, sizeof buf);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
  auto line = [this](std::string_view l) { session_.server_message(l); };
  auto oversized = [this] { note("dropped a server message longer than the limit"); };
  if (n <= 0) {
    from_server_.finish(line, oversized);
    return server_closed();
  }
  from_server_.feed({buf, static_cast<size_t>(n)}, line, oversized);
}

void StdioGateway::write_client() {
  if (to_client_.write_some(STDOUT_FILENO)) return;
  stdout_ok_ = false;  // the client is gone: nothing more can reach it
  to_client_.clear();
  if (client_open_) client_closed();
}

void StdioGateway::write_server() {
  if (to_server_.write_some(child_.in())) return;
  to_server_.clear();
  child_.close_in();
}

// The client closed its input: close the server's once what is queued for
// it is written, and give it time to exit.
void StdioGateway::client_closed() {
  client_open_ = false;
  if (!term_at_ && !kill_at_) term_at_ = steady_ms() + kTermAfterMs;
}

// The server closed its output: it is exiting (or must).
void StdioGateway::server_closed() {
  server_open_ = false;
  child_.close_out();
  if (client_open_) {
    server_died_ = true;
    session_.server_gone("the MCP server exited before answering");
    client_open_ = false;
  }
  to_server_.clear();
  child_.close_in();
  if (!child_.exited() && !term_at_ && !kill_at_) term_at_ = steady_ms() + kKillAfterMs;
}

}  // namespace agentpol::gateway
