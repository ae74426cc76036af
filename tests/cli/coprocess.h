// coprocess.h — agentpolc as a co-process for the CLI tests: started with
// pipes on stdin and stdout that stay open, so a test writes one line and
// reads the answer while the process keeps running. Reading a line waits at
// most a generous bound (a hang becomes a failed read, never a stuck test).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace agentpol::clitest {

class Coprocess {
 public:
  // Runs `agentpolc ARGS…` (each a separate argument, no shell).
  explicit Coprocess(const std::vector<std::string>& args);
  ~Coprocess();

  bool write(const std::string& text);
  // The next line of stdout without its newline; false when none came within
  // `seconds` (or stdout closed).
  bool readLine(std::string* line, int seconds = 60);
  void closeInput();
  int wait();  // the exit status after stdin was closed (-1 when killed)

 private:
  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
  std::string pending_;
};

}  // namespace agentpol::clitest
