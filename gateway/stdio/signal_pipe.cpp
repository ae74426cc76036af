// signal_pipe.cpp — the handler only writes one byte (async-signal-safe).
#include "stdio/signal_pipe.h"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <initializer_list>
#include <unistd.h>

namespace agentpol::gateway {
namespace {

int g_write_end = -1;

void on_signal(int sig) {
  int saved = errno;
  unsigned char b = static_cast<unsigned char>(sig);
  (void)!::write(g_write_end, &b, 1);
  errno = saved;
}

}  // namespace

int install_signal_pipe() {
  static int read_end = -1;
  if (read_end >= 0) return read_end;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) return -1;
  read_end = fds[0];
  g_write_end = fds[1];
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
  for (int sig : {SIGCHLD, SIGTERM, SIGINT, SIGHUP}) sigaction(sig, &sa, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
  std::signal(SIGXFSZ, SIG_IGN);  // a file size limit shows as EFBIG from write (the audit log fails closed)
  return read_end;
}

void drain_signal_pipe(int fd, bool* stop) {
  unsigned char buf[64];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0)
    for (ssize_t i = 0; i < n; ++i)
      if (buf[i] == SIGTERM || buf[i] == SIGINT || buf[i] == SIGHUP) *stop = true;
}

}  // namespace agentpol::gateway
