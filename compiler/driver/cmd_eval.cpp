// cmd_eval.cpp — `agentpolc eval (OUT.apb | FILE…) --request REQ.json
// [--revoke AGENT]… [--audit FILE]`: decide each request of REQ (one object,
// an array, or JSON Lines) with an Engine and print one decision per line;
// JSON Lines are decided as they arrive and each batch read is flushed before
// the next read, so a host can keep eval open as a co-process. Exit 0 when
// every request was decided (bad_request included), 1 unreadable (a JSON
// Lines line that is not a request is decided bad_request and the stream
// goes on, exit 1 at the end), 4 when an audit record could not be written
// (its decision is not printed).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include <agentpol/engine.h>

#include "driver/bundle_source.h"
#include "driver/commands.h"
#include "driver/decision_json.h"
#include "driver/exit_codes.h"
#include "driver/request_input.h"
#include "request/request_reader.h"

namespace agentpol::driver {

const CommandSpec& evalSpec() {
  static const CommandSpec spec{
      "eval",
      "agentpolc eval (OUT.apb | FILE…) --request REQ.json [--revoke AGENT]… [--audit FILE]",
      "Decide requests against a bundle or policy sources.",
      "REQ.json (`-` for stdin) holds one request object, a JSON array of\n"
      "them, or JSON Lines (one object per line). One line per request is\n"
      "printed: {\"decision\":…,\"reason\":…,\"rules\":[…]}, with \"message\" for\n"
      "a bad_request. JSON Lines are decided as each line arrives and the\n"
      "decisions flushed, so eval can run as a co-process; a line that is not\n"
      "a request is decided bad_request with the reason, and eval goes on. With --audit, one audit record per decision is written\n"
      "as JSON Lines to FILE (`-` for stderr). docs/requests.md describes the\n"
      "request format.\n"
      "A decision is printed only after its audit record was written: when the\n"
      "audit file cannot be written (a full disk), eval stops, prints the error\n"
      "and exits 4 without the decisions whose records were lost.\n"
      "Exit status: 0 every request decided (bad_request included), 1 unreadable\n"
      "input or policy, a JSON Lines line that was not a request (or stdout\n"
      "cannot be written), 2 usage error, 4 an audit\n"
      "record could not be written.",
      {{"request", 0, "REQ.json", "the requests (`-` reads stdin)"},
       {"revoke", 0, "AGENT", "treat AGENT as revoked (the kill switch); repeatable", true},
       {"audit", 0, "FILE", "write audit records as JSON Lines to FILE (`-` for stderr)"}},
      1,
      false};
  return spec;
}

namespace {

// A FILE* sink with a large buffer. flush() hands the buffer to the kernel
// and says whether every byte got there (on /dev/full the error shows at
// fflush); once a write failed the sink stays failed and keeps the reason.
class Sink {
 public:
  Sink(FILE* f, bool owned) : f_(f), owned_(owned) { buf_.reserve(kFlushAt + 4096); }
  ~Sink() { close(); }
  std::string* buffer() { return &buf_; }
  bool full() const { return buf_.size() >= kFlushAt; }
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  void discard() { buf_.clear(); }
  bool flush() {
    if (!f_ || !ok()) return ok();
    errno = 0;
    if ((!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size()) || std::fflush(f_) != 0)
      error_ = std::strerror(errno ? errno : EIO);
    buf_.clear();
    return ok();
  }
  // Flushes, and closes the file when owned; false when anything failed.
  bool close() {
    flush();
    errno = 0;
    if (owned_ && f_ && std::fclose(f_) != 0 && ok()) error_ = std::strerror(errno ? errno : EIO);
    f_ = nullptr;
    return ok();
  }

 private:
  static constexpr size_t kFlushAt = 1 << 16;
  FILE* f_;
  bool owned_;
  std::string buf_;
  std::string error_;
};

// Decides requests and writes their lines; a decision line is released to
// stdout only after the audit records of its batch were written: no audit,
// no decision. After a failed write it decides nothing more.
class Evaluator : public RequestSink {
 public:
  Evaluator(const Engine& engine, const std::shared_ptr<const Bundle>& bundle, FILE* auditFile, std::string name)
      : engine_(engine), reader_(bundle), req_(bundle), audit_(auditFile, auditFile && auditFile != stderr),
        name_(std::move(name)) {}

  Sink& audit() { return audit_; }
  void request(const request::JsonTree& t, uint32_t node) override {
    if (stopped_) return;
    std::string unused;
    reader_.read(t, node, req_, &unused);  // node is an object: never unreadable
    decideRequest();
  }
  void line(std::string_view text, size_t number) override {
    if (stopped_) return;
    if (reader_.read(text, req_, &error_) == request::ReadStatus::Unreadable)
      return badLine(lineProblem(name_, number, error_));
    decideRequest();
  }
  // A line that is not a request: decided (and audited) as a bad request.
  void badLine(const std::string& message) override {
    std::cerr << "agentpolc eval: " << message << "\n";
    ++badLines_;
    if (stopped_) return;
    req_.reset();
    req_.fail(message);
    decideRequest();
  }
  void idle() override { release(); }
  size_t badLines() const { return badLines_; }

 private:
  void decideRequest() {
    Result r = engine_.decide(req_);
    if (r.reason == Reason::AuditFailed) {
      stopped_ = true;
      return;
    }
    appendDecisionLine(r, out_.buffer());
    ++decided_;
    if (out_.full() || audit_.full()) release();
  }

 public:
  // Audit records first, then the decision lines they cover.
  void release() {
    if (!stopped_ && !audit_.flush()) stopped_ = true;
    if (stopped_) return out_.discard();  // decisions whose records may be lost
    stopped_ = !out_.flush();
    if (!stopped_) printed_ = decided_;
  }
  // The exit status and its message after the last request.
  int finish(const std::string& auditPath) {
    release();
    if (!audit_.close()) {
      std::cerr << "agentpolc eval: cannot write the audit file `" << auditPath << "`: " << audit_.error()
                << "; no decision is reported without its audit record: request " << printed_ + 1
                << " and those after it are not reported\n";
      return kExitAuditFailed;
    }
    if (!out_.ok()) {
      std::cerr << "agentpolc eval: cannot write the decisions to stdout: " << out_.error() << "\n";
      return kExitFailed;
    }
    return kExitOk;
  }

 private:
  const Engine& engine_;
  request::RequestReader reader_;
  Request req_;
  Sink out_{stdout, false}, audit_;
  std::string name_, error_;
  size_t decided_ = 0, printed_ = 0, badLines_ = 0;
  bool stopped_ = false;
};

}  // namespace

int runEval(const ParsedArgs& args) {
  if (!args.has("request")) {
    std::cerr << "agentpolc eval: missing --request REQ.json\nTry `agentpolc eval --help`.\n";
    return kExitUsage;
  }
  BundleSource src = loadBundleOrCompile(args.positional);
  if (!src) {
    printBundleSourceErrors(src, OutputFormat::Text, std::cout, std::cerr, "eval");
    return kExitFailed;
  }
  if (src.compilation) printDiagnostics(*src.compilation, OutputFormat::Text, std::cout, std::cerr);  // warnings
  std::string error;
  const std::string reqPath = args.get("request");
  std::string auditPath = args.get("audit");
  FILE* auditFile = nullptr;
  if (!auditPath.empty()) {
    auditFile = auditPath == "-" ? stderr : std::fopen(auditPath.c_str(), "wb");
    if (!auditFile) {
      std::cerr << "agentpolc eval: cannot write the audit file `" << auditPath << "`: " << std::strerror(errno) << "\n";
      return kExitFailed;
    }
  }
  Engine engine(src.bundle);
  for (const std::string& a : args.all("revoke")) {
    engine.revoke(a);
    if (!src.bundle->agent(a).valid())
      std::cerr << "agentpolc eval: warning: revoked agent `" << a << "` is not in the policy's inventory\n";
  }
  Evaluator eval(engine, src.bundle, auditFile, inputName(reqPath));
  if (auditFile)
    engine.set_audit_hook(AuditHook([&eval](const AuditRecord& r) {
      if (!eval.audit().ok()) return false;  // the file already failed: no more decisions
      audit_json(r, eval.audit().buffer());
      eval.audit().buffer()->push_back('\n');
      return true;
    }));
  request::JsonTree tree;
  bool readable = readRequests(reqPath, tree, eval, &error);
  int status = eval.finish(auditPath);
  if (!readable) std::cerr << "agentpolc eval: " << error << "\n";
  return status != kExitOk ? status : readable && eval.badLines() == 0 ? kExitOk : kExitFailed;
}

}  // namespace agentpol::driver
