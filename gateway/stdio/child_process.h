// child_process.h — the MCP server as the gateway's child: started with
// posix_spawnp (PATH search, default signal dispositions, an empty signal
// mask), its stdin and stdout on pipes, its stderr the gateway's own.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace agentpol::gateway {

class ChildProcess {
 public:
  // Starts argv (argv[0] looked up in PATH). False with *error on failure.
  bool spawn(const std::vector<std::string>& argv, std::string* error);
  ~ChildProcess();

  pid_t pid() const { return pid_; }
  int in() const { return in_; }    // write end of the child's stdin
  int out() const { return out_; }  // read end of the child's stdout
  void close_in();
  void close_out();
  // Non-blocking: true once the child has exited (its wait status in *status).
  bool reap(int* status);
  bool exited() const { return pid_ <= 0; }
  void signal(int sig) const;

 private:
  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
};

// A wait status as an exit code: the exit status, or 128 + the signal.
int exit_code(int wait_status);

}  // namespace agentpol::gateway
