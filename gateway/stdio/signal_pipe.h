// signal_pipe.h — the self-pipe trick: SIGCHLD, SIGTERM, SIGINT and SIGHUP
// become bytes on a pipe the event loop polls; SIGPIPE is ignored (a closed
// peer shows as EPIPE from write instead).
#pragma once

namespace agentpol::gateway {

// Installs the handlers once; returns the read end (non-blocking).
int install_signal_pipe();
// Reads the pending signal numbers; *stop is set for SIGTERM/SIGINT/SIGHUP.
void drain_signal_pipe(int fd, bool* stop);

}  // namespace agentpol::gateway
