// test_session.cpp — the transport-independent Session on in-memory peers:
// allowed calls forwarded as the exact bytes received, denied ones answered
// and never forwarded, tools/list filtered, server request ids swapped and
// restored, batches refused or gathered by protocol version, a failing
// audit log stopping the call, the server's end answering what waits.
#include "session_harness.h"

#include <catch2/catch.hpp>

using namespace agentpol;
using namespace agentpol::gateway;
using test::Harness;

namespace {

const std::string kReadOk =
    R"({"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"read","arguments":{"doc":"d-1","lines":2,"tags":[],"note":"n","span":{"first":1,"last":2}}}})";

}  // namespace

TEST_CASE("session: an allowed call is audited, then forwarded as the bytes received", "[session]") {
  Harness h;
  std::string spaced = kReadOk;
  spaced.insert(1, "  ");
  h.session->client_message(spaced);
  REQUIRE(h.wire.server.size() == 1);
  CHECK(h.wire.server[0] == spaced);
  CHECK(h.wire.client.empty());
  CHECK(h.last_audit()["outcome"] == "forwarded");
  CHECK(h.session->waiting() == 1);
  h.session->server_message(R"({"jsonrpc":"2.0","id":7,"result":{"content":[]}})");
  CHECK(h.wire.client.back() == R"({"jsonrpc":"2.0","id":7,"result":{"content":[]}})");
  CHECK(h.session->waiting() == 0);
}

TEST_CASE("session: a denied call is answered and never forwarded", "[session]") {
  Harness h;
  h.session->client_message(R"({"jsonrpc":"2.0","id":"w","method":"tools/call","params":{"name":"wipe"}})");
  CHECK(h.wire.server.empty());
  json r = h.last_client();
  CHECK(r["id"] == "w");
  CHECK(r["result"]["isError"] == true);
  CHECK(r["result"]["content"][0]["text"] == "agentpol: denied (out_of_scope)");
  CHECK(r["result"]["_meta"]["agentpol"]["audit_id"] == h.last_audit()["audit_id"]);
  CHECK(h.last_audit()["outcome"] == "blocked");
  h.revoked = true;
  h.session->client_message(kReadOk);
  CHECK(h.wire.server.empty());
  CHECK(h.last_client()["result"]["_meta"]["agentpol"]["reason"] == "revoked");
}

TEST_CASE("session: no audit, no action", "[session]") {
  Harness h;
  h.audit.fail = true;
  h.session->client_message(kReadOk);
  CHECK(h.wire.server.empty());
  json r = h.last_client()["result"];
  CHECK(r["isError"] == true);
  CHECK(r["_meta"]["agentpol"]["error"] == "audit_unavailable");
  CHECK(r["_meta"]["agentpol"]["decision"] == "allow");
}

TEST_CASE("session: shadow mode forwards what it denies", "[session]") {
  Harness h(true);
  h.session->client_message(R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"wipe"}})");
  CHECK(h.wire.server.size() == 1);
  CHECK(h.last_audit()["decision"] == "deny");
  CHECK(h.last_audit()["mode"] == "shadow");
  CHECK(h.last_audit()["outcome"] == "forwarded");
}

TEST_CASE("session: tools/list results keep only the tools the agent may call", "[session]") {
  Harness h;
  h.session->client_message(R"({"jsonrpc":"2.0","id":2,"method":"tools/list"})");
  CHECK(h.wire.server.size() == 1);
  h.session->server_message(
      R"({"jsonrpc":"2.0","id":2,"result":{"tools":[{"name":"read"},{"name":"wipe"},{"name":"other"},{"name":"list"}],"nextCursor":"c"}})");
  json r = h.last_client()["result"];
  CHECK(r["tools"] == json::parse(R"([{"name":"read"},{"name":"list"}])"));
  CHECK(r["nextCursor"] == "c");
  h.revoked = true;
  h.session->client_message(R"({"jsonrpc":"2.0","id":3,"method":"tools/list"})");
  h.session->server_message(R"({"jsonrpc":"2.0","id":3,"result":{"tools":[{"name":"read"}]}})");
  CHECK(h.last_client()["result"]["tools"] == json::array());
}

TEST_CASE("session: server requests get gateway ids; the client's answers go back with the server's", "[session]") {
  Harness h;
  h.session->server_message(R"({"jsonrpc":"2.0","id":"s-1","method":"roots/list"})");
  json seen = h.last_client();
  CHECK(seen["method"] == "roots/list");
  CHECK(seen["id"].is_number_integer());
  h.session->server_message(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"s-1"}})");
  CHECK(h.last_client()["params"]["requestId"] == seen["id"]);
  json answer = {{"jsonrpc", "2.0"}, {"id", seen["id"]}, {"result", {{"roots", json::array()}}}};
  h.session->client_message(answer.dump());
  CHECK(json::parse(h.wire.server.back())["id"] == "s-1");
  h.session->client_message(answer.dump());  // answered already: dropped
  CHECK(h.wire.server.size() == 1);
  CHECK_FALSE(h.wire.notes.empty());
}

TEST_CASE("session: notifications and other requests are relayed unchanged", "[session]") {
  Harness h;
  const std::string n = R"({"jsonrpc":"2.0","method":"notifications/initialized"})";
  const std::string r = R"({ "jsonrpc":"2.0", "id":9, "method":"resources/list" })";
  h.session->client_message(n);
  h.session->client_message(r);
  CHECK(h.wire.server == std::vector<std::string>{n, r});
  const std::string log = R"({"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info"}})";
  h.session->server_message(log);
  CHECK(h.wire.client.back() == log);
  CHECK(h.audit.lines.empty());  // only tools/call is audited
}

TEST_CASE("session: batches are refused unless the protocol version allows them", "[session]") {
  Harness h;
  const std::string batch = "[" + kReadOk + R"(,{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"wipe"}}])";
  h.session->client_message(batch);
  CHECK(h.wire.server.empty());
  CHECK(h.last_client()["error"]["code"] == kInvalidRequest);
  h.session->client_message(R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-03-26"}})");
  h.session->server_message(R"({"jsonrpc":"2.0","id":0,"result":{"protocolVersion":"2025-03-26"}})");
  CHECK(h.session->protocol_version() == "2025-03-26");
  h.session->client_message(batch + "\n");
  CHECK(h.wire.server.size() == 2);  // the initialize and the allowed call, one by one
  size_t before = h.wire.client.size();
  h.session->server_message(R"({"jsonrpc":"2.0","id":7,"result":{"content":[]}})");
  REQUIRE(h.wire.client.size() == before + 1);
  json answers = h.last_client();
  REQUIRE(answers.is_array());
  REQUIRE(answers.size() == 2);
  CHECK(answers[0]["id"] == 8);  // the denial, gathered with the server's answer
  CHECK(answers[1]["id"] == 7);
}

TEST_CASE("session: malformed messages and the server's end", "[session]") {
  Harness h;
  h.session->client_message("{\"jsonrpc\":");
  CHECK(h.last_client()["error"]["code"] == kParseError);
  h.session->client_message(R"({"jsonrpc":"2.0","id":1,"method":"x","method":"tools/call"})");
  CHECK(h.last_client()["error"]["code"] == kParseError);
  h.session->client_message(R"({"jsonrpc":"2.0","method":"tools/call","params":{"name":"read"}})");
  CHECK(h.wire.server.empty());  // a tools/call without an id is dropped, never forwarded
  h.session->client_message(kReadOk);
  h.session->client_message(kReadOk);  // the same id while the first waits
  CHECK(h.last_client()["error"]["code"] == kInvalidRequest);
  CHECK(h.wire.server.size() == 1);
  h.session->server_gone("the MCP server exited before answering");
  json e = h.last_client();
  CHECK(e["id"] == 7);
  CHECK(e["error"]["code"] == kInternalError);
  CHECK(h.session->waiting() == 0);
}
