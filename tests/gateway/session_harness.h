// session_harness.h — a Session on in-memory peers for the Catch2 tests:
// the client's and the server's messages and the operator notes recorded,
// an audit sink that can be made to fail, a settable clock, and (with
// approval options) a real state database in a temporary directory.
#pragma once

#include "core/session.h"
#include "fixture.h"

#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace agentpol::gateway::test {

struct Wire : Peers {
  std::vector<std::string> client, server, notes;
  void to_client(std::string_view m) override { client.emplace_back(m); }
  void to_server(std::string_view m) override { server.emplace_back(m); }
  void note(std::string_view t) override { notes.emplace_back(t); }
};

struct MemoryAudit : AuditSink {
  std::vector<std::string> lines;
  bool fail = false;
  bool write(std::string_view line, std::string* error) override {
    if (fail) {
      *error = "No space left on device";
      return false;
    }
    lines.emplace_back(line);
    return true;
  }
};

struct Harness {
  std::string dir = test::temp_dir();
  Wire wire;
  MemoryAudit audit;
  bool revoked = false;
  int64_t now_ms = 1795874580000;
  std::unique_ptr<PolicyFiles> files;
  std::unique_ptr<StateDb> state;  // with approvals: a real SQLite file under dir
  std::unique_ptr<Session> session;

  explicit Harness(bool shadow_mode = false, std::optional<ApprovalOptions> approvals = std::nullopt) {
    std::string entities = test::write_text(dir + "/e.json", R"([{"type":"Doc","id":"d-1","attrs":{"owner":"me"}}])");
    files = std::make_unique<PolicyFiles>(PolicyPaths{test::write_bundle(dir + "/b.apb", test::kPolicy), "", entities, ""},
                                          Caller{"reader", {}});
    std::vector<ReloadEvent> events;
    std::string error;
    REQUIRE(files->load(1795874580000, &events, &error));
    SessionInputs in{files.get(), &audit, [this](std::string_view) { return RevocationCheck{revoked, ""}; },
                     [this] { return now_ms; }};
    if (approvals) {
      state = StateDb::open(dir + "/state", &error);
      REQUIRE(state);
      in.state = state.get();
    }
    session = std::make_unique<Session>(SessionOptions{Caller{"reader", {}}, shadow_mode, approvals.value_or(ApprovalOptions{})},
                                        in, wire);
  }
  json last_client() const { return json::parse(wire.client.back()); }
  json last_audit() const { return json::parse(audit.lines.back()); }
};

}  // namespace agentpol::gateway::test
