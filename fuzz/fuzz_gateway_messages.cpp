// fuzz_gateway_messages.cpp — libFuzzer target for the gateway's message
// reader: arbitrary bytes framed into lines (stdio framing, a small limit)
// and handed to the Session as client messages, or as server messages for
// lines starting with 'S', against examples/mcp_filesystem compiled at
// start-up, with a real state database (approvals): a line "A" approves and
// "D" declines every pending approval, then lets a poll interval pass. The
// first byte picks the caller (docs_reader, or docs_editor whose writes are
// escalated). Any crash or sanitizer report is a bug, and so is a tools/call
// reaching the server without an audit line that allowed and forwarded it
// or approved it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <sqlite3.h>
#include <unistd.h>

#include "core/session.h"
#include "core/state_db.h"
#include "driver/bundle_source.h"
#include "stdio/line_framer.h"

namespace {

using namespace agentpol::gateway;

struct Checked : Peers, AuditSink {
  std::string last_audit;
  void to_client(std::string_view) override {}
  void to_server(std::string_view m) override {
    json doc;
    std::string error;
    if (!parse_strict(m, &doc, &error)) std::abort();  // the gateway only forwards JSON
    auto method = doc.is_object() ? doc.find("method") : doc.end();
    if (method == doc.end() || *method != "tools/call") return;
    json line = json::parse(last_audit);
    bool allowed = line["outcome"] == "forwarded" && line["decision"] == "allow";
    bool approved = line["outcome"] == "approved" && line["decision"] == "escalate" && line["approval"].is_string();
    if (!allowed && !approved) std::abort();
    last_audit = "{\"outcome\":\"used\"}";  // one audit line, one call
  }
  void note(std::string_view) override {}
  bool write(std::string_view line, std::string*) override {
    if (line.find("\"audit_id\"") != std::string_view::npos) last_audit = line;
    return true;
  }
};

struct Fixture {
  Checked peers;
  std::unique_ptr<PolicyFiles> files;
  std::unique_ptr<StateDb> state;
  sqlite3* raw = nullptr;  // a second connection, to empty the approvals between inputs
};

constexpr int64_t kStart = 1795874580000;

Fixture& fixture() {
  static Fixture f = [] {
    Fixture x;
    agentpol::driver::BundleSource src = agentpol::driver::loadBundleOrCompile({AGENTPOL_MCP_POLICY});
    if (!src) {
      std::cerr << "fuzz_gateway_messages: cannot compile " << AGENTPOL_MCP_POLICY << ": " << src.error << "\n";
      std::abort();
    }
    std::string path = "/tmp/fuzz_gateway_messages." + std::to_string(getpid()) + ".apb";
    std::vector<uint8_t> bytes = agentpol::serialize(src.bundle->image());
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    x.files = std::make_unique<PolicyFiles>(PolicyPaths{path, "", "", ""}, Caller{"docs_reader", {}});
    std::vector<ReloadEvent> events;
    std::string error;
    if (!x.files->load(kStart, &events, &error)) std::abort();
    unlink(path.c_str());
    static const std::string dir = "/tmp/fuzz_gateway_messages." + std::to_string(getpid()) + ".state";
    std::atexit([] { std::filesystem::remove_all(dir); });
    x.state = StateDb::open(dir, &error);
    if (!x.state || sqlite3_open((dir + "/" + kStateFile).c_str(), &x.raw) != SQLITE_OK) {
      std::cerr << "fuzz_gateway_messages: cannot open the state database: " << error << "\n";
      std::abort();
    }
    return x;
  }();
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Fixture& f = fixture();
  sqlite3_exec(f.raw, "DELETE FROM approvals", nullptr, nullptr, nullptr);
  int64_t now = kStart;
  SessionInputs in{f.files.get(), &f.peers, [](std::string_view) { return RevocationCheck{}; },
                   [&now] { return now; }, f.state.get()};
  Caller caller{size && (data[0] & 1) ? "docs_editor" : "docs_reader", {}};
  SessionOptions options{caller, false, ApprovalOptions{false, 30000, 3600 * 1000}};
  Session session(options, in, f.peers);
  auto settle_all = [&](bool approve) {
    std::string error;
    for (const Approval& a : f.state->approvals(true, now, &error)) {
      Approval after;
      f.state->decide_approval(a.id, approve, "fuzz", "", now, &after, &error);
    }
    now += 1000;  // past the poll interval: tick looks at the database
    session.tick();
  };
  LineFramer framer(4096);
  auto line = [&](std::string_view l) {
    if (l == "A" || l == "D") settle_all(l == "A");
    else if (!l.empty() && l[0] == 'S') session.server_message(l.substr(1));
    else session.client_message(l);
  };
  auto over = [&] { session.client_oversized(4096); };
  framer.feed({reinterpret_cast<const char*>(data), size}, line, over);
  framer.finish(line, over);
  session.server_gone("fuzz: end of input");
  return 0;
}
