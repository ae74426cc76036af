// cmd_eval.cpp — `agentpolc eval (OUT.apb | FILE…) --request REQ.json
// [--revoke AGENT]… [--audit FILE]`: decide each request of REQ (one object,
// an array, or JSON Lines) with an Engine and print one decision per line.
// Exit 0 when every request was decided (bad_request included), 1 unreadable.
#include <cstdio>
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
      "a bad_request. With --audit, one audit record per decision is written\n"
      "as JSON Lines to FILE (`-` for stderr). docs/requests.md describes the\n"
      "request format.\n"
      "Exit status: 0 every request decided (bad_request included), 1 unreadable\n"
      "input or policy, 2 usage error.",
      {{"request", 0, "REQ.json", "the requests (`-` reads stdin)"},
       {"revoke", 0, "AGENT", "treat AGENT as revoked (the kill switch); repeatable", true},
       {"audit", 0, "FILE", "write audit records as JSON Lines to FILE (`-` for stderr)"}},
      1,
      false};
  return spec;
}

namespace {

// A FILE* sink with a large buffer, flushed when full and at the end; closes
// the file when it owns it.
class Sink {
 public:
  Sink(FILE* f, bool owned) : f_(f), owned_(owned) { buf_.reserve(kFlushAt + 4096); }
  ~Sink() {
    flush();
    if (owned_ && f_) std::fclose(f_);
  }
  std::string* buffer() { return &buf_; }
  void maybeFlush() {
    if (buf_.size() >= kFlushAt) flush();
  }
  void flush() {
    if (!f_ || buf_.empty()) return;
    std::fwrite(buf_.data(), 1, buf_.size(), f_);
    std::fflush(f_);
    buf_.clear();
  }

 private:
  static constexpr size_t kFlushAt = 1 << 16;
  FILE* f_;
  bool owned_;
  std::string buf_;
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
  std::string input, error;
  const std::string reqPath = args.get("request");
  if (!readInput(reqPath, &input, &error)) {
    std::cerr << "agentpolc eval: " << error << "\n";
    return kExitFailed;
  }
  std::string auditPath = args.get("audit");
  FILE* auditFile = nullptr;
  if (!auditPath.empty()) {
    auditFile = auditPath == "-" ? stderr : std::fopen(auditPath.c_str(), "wb");
    if (!auditFile) {
      std::cerr << "agentpolc eval: cannot write the audit file `" << auditPath << "`\n";
      return kExitFailed;
    }
  }
  Engine engine(src.bundle);
  for (const std::string& a : args.all("revoke")) {
    engine.revoke(a);
    if (!src.bundle->agent(a).valid())
      std::cerr << "agentpolc eval: warning: revoked agent `" << a << "` is not in the policy's inventory\n";
  }
  Sink out(stdout, false), audit(auditFile, auditFile && auditFile != stderr);
  if (auditFile)
    engine.set_audit_hook([&audit](const AuditRecord& r) {
      audit_json(r, audit.buffer());
      audit.buffer()->push_back('\n');
      audit.maybeFlush();
    });
  request::RequestReader reader(src.bundle);
  Request req(src.bundle);
  request::JsonTree tree;
  bool readable = forEachRequest(input, reqPath == "-" ? "<stdin>" : reqPath, tree,
                                 [&](const request::JsonTree& t, uint32_t node) {
                                   std::string unused;
                                   reader.read(t, node, req, &unused);  // node is an object: never unreadable
                                   appendDecisionLine(engine.decide(req), out.buffer());
                                   out.maybeFlush();
                                 },
                                 &error);
  out.flush();
  audit.flush();
  if (!readable) {
    std::cerr << "agentpolc eval: " << error << "\n";
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace agentpol::driver
