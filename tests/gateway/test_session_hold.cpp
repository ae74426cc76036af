// test_session_hold.cpp — escalated calls in the Session (spec section 12)
// on in-memory peers with a real state database: held answers, the next
// identical call let through once, a hold that ends in approval, denial or
// its deadline while other calls go on, elicitation/create and the
// client's answers, and the fallback when no approvals can be recorded.
#include "core/call_key.h"
#include "session_harness.h"

using namespace agentpol;
using namespace agentpol::gateway;
using test::Harness;

namespace {

std::string publish(int id, const std::string& title) {
  return R"({"jsonrpc":"2.0","id":)" + std::to_string(id) +
         R"(,"method":"tools/call","params":{"name":"publish","arguments":{"title":")" + title + R"("}}})";
}

ApprovalOptions hold_for(int64_t ms) {
  ApprovalOptions o;
  o.hold_ms = ms;
  return o;
}

std::string approve(Harness& h, const std::string& id, bool yes = true) {
  Approval after;
  std::string error;
  DecideOutcome d = h.state->decide_approval(id, yes, "ann", "ok", h.now_ms, &after, &error);
  REQUIRE(d == DecideOutcome::Decided);
  return after.status;
}

const char* const kInitElicits =
    R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{"elicitation":{}},"clientInfo":{"name":"t","version":"1"}}})";

}  // namespace

TEST_CASE("call key: SHA-256 of the canonical arguments, random approval ids", "[approvals]") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  std::string a = new_approval_id(), b = new_approval_id();
  CHECK(a.size() == 23);
  CHECK(a.rfind("ap-", 0) == 0);
  CHECK(a != b);
}

TEST_CASE("session: with --hold 0s an escalated call is answered held at once and recorded pending", "[approvals]") {
  Harness h(false, ApprovalOptions{});
  h.session->client_message(publish(1, "t"));
  CHECK(h.wire.server.empty());
  json r = h.last_client()["result"];
  CHECK(r["isError"] == true);
  std::string id = r["_meta"]["agentpol"]["approval"];
  CHECK(r["content"][0]["text"].get<std::string>().rfind("agentpol: held for approval " + id + " (escalated by publish-needs-a-person)", 0) == 0);
  CHECK(h.last_audit()["outcome"] == "held");
  CHECK(h.last_audit()["approval"] == id);
  std::string error;
  std::optional<Approval> a = h.state->approval(id, &error);
  REQUIRE(a);
  CHECK(a->status == "pending");
  CHECK(a->args == R"({"title":"t"})");
  CHECK(a->args_sha256 == sha256_hex(R"({"title":"t"})"));
  CHECK(a->bundle == h.files->enforced().hash());
  CHECK(a->rules == std::vector<std::string>{"publish-needs-a-person"});
  CHECK(a->expires_ms - a->created_ms == 3600 * 1000);
  CHECK(h.session->holding() == 0);

  // Approved later: the next identical call goes through once, as the bytes received.
  CHECK(approve(h, id) == "approved");
  h.session->client_message(publish(2, "other"));  // other arguments: a new approval
  CHECK(h.wire.server.empty());
  CHECK(h.last_client()["result"]["_meta"]["agentpol"]["approval"] != id);
  h.session->client_message(publish(3, "t"));
  REQUIRE(h.wire.server.size() == 1);
  CHECK(h.wire.server[0] == publish(3, "t"));
  CHECK(h.last_audit()["outcome"] == "approved");
  CHECK(h.last_audit()["approver"] == "ann");
  CHECK(h.state->approval(id, &error)->status == "used");
  h.session->client_message(publish(4, "t"));
  CHECK(h.wire.server.size() == 1);
  CHECK(h.last_audit()["outcome"] == "held");
}

TEST_CASE("session: a held call waits without blocking others, then is forwarded on approval", "[approvals]") {
  Harness h(false, hold_for(30000));
  h.session->client_message(publish(1, "t"));
  CHECK(h.wire.client.empty());
  CHECK(h.session->holding() == 1);
  CHECK(h.audit.lines.empty());  // a held call's line is written when it is settled
  h.session->client_message(R"({"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"list","arguments":{}}})");
  CHECK(h.wire.server.size() == 1);  // the other call went on
  CHECK(h.session->tick() > 0);     // still pending
  CHECK(h.session->holding() == 1);
  std::string error;
  std::vector<Approval> pending = h.state->approvals(true, h.now_ms, &error);
  REQUIRE(pending.size() == 1);
  h.session->client_message(publish(1, "again"));  // its id is in use while it is held
  CHECK(h.last_client()["error"]["code"] == -32600);
  approve(h, pending[0].id);
  h.now_ms += 200;
  CHECK(h.session->tick() == -1);
  REQUIRE(h.wire.server.size() == 2);
  CHECK(h.wire.server[1] == publish(1, "t"));
  CHECK(h.last_audit()["outcome"] == "approved");
  CHECK(h.session->waiting() == 2);
}

TEST_CASE("session: a held call is declined on denial and answered held when its hold ends", "[approvals]") {
  Harness h(false, hold_for(5000));
  h.session->client_message(publish(1, "a"));
  h.session->client_message(publish(2, "b"));
  std::string error;
  std::vector<Approval> pending = h.state->approvals(true, h.now_ms, &error);
  REQUIRE(pending.size() == 2);
  const Approval& a = pending[0].args == R"({"title":"a"})" ? pending[0] : pending[1];
  approve(h, a.id, false);
  h.now_ms += 200;
  h.session->tick();
  json declined = h.last_client();
  CHECK(declined["id"] == 1);
  CHECK(declined["result"]["content"][0]["text"] == "agentpol: declined by ann (approval " + a.id + "): ok");
  CHECK(h.last_audit()["outcome"] == "declined");
  CHECK(h.session->holding() == 1);
  h.now_ms += 5000;
  h.session->tick();
  CHECK(h.last_client()["id"] == 2);
  CHECK(h.last_audit()["outcome"] == "held");
  CHECK(h.session->holding() == 0);
  CHECK(h.wire.server.empty());
}

TEST_CASE("session: elicitation asks the client and settles the call by its answer", "[approvals]") {
  ApprovalOptions o;
  o.via_elicitation = true;
  Harness h(false, o);
  h.session->client_message(kInitElicits);
  h.session->server_message(R"({"jsonrpc":"2.0","id":0,"result":{"protocolVersion":"2025-06-18","capabilities":{}}})");
  h.session->client_message(publish(1, "yes"));
  json ask = h.last_client();
  CHECK(ask["method"] == "elicitation/create");
  CHECK(ask["params"]["mode"] == "form");
  CHECK(ask["params"]["requestedSchema"]["properties"]["approve"]["type"] == "boolean");
  CHECK(ask["params"]["message"].get<std::string>().find("agent reader asks to call publish with {\"title\":\"yes\"}") !=
        std::string::npos);
  h.session->client_message(R"({"jsonrpc":"2.0","id":)" + ask["id"].dump() +
                            R"(,"result":{"action":"accept","content":{"approve":true}}})");
  REQUIRE(h.wire.server.size() == 2);  // initialize, then the approved call
  CHECK(h.wire.server[1] == publish(1, "yes"));
  CHECK(h.last_audit()["approver"] == "client");

  h.session->client_message(publish(2, "no"));
  json ask2 = h.last_client();
  CHECK(ask2["id"] != ask["id"]);
  h.session->client_message(R"({"jsonrpc":"2.0","id":)" + ask2["id"].dump() + R"(,"error":{"code":-1,"message":"x"}})");
  CHECK(h.last_client()["result"]["content"][0]["text"].get<std::string>().rfind("agentpol: declined by client", 0) == 0);
  CHECK(h.wire.server.size() == 2);
  // A late answer to a question already settled is dropped.
  h.session->client_message(R"({"jsonrpc":"2.0","id":)" + ask2["id"].dump() + R"(,"result":{"action":"accept"}})");
  CHECK(h.wire.server.size() == 2);
}

TEST_CASE("session: without the client's capability elicitation falls back to the operator", "[approvals]") {
  ApprovalOptions o;
  o.via_elicitation = true;
  Harness h(false, o);
  h.session->client_message(R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{"elicitation":{"url":{}}}}})");
  h.session->client_message(publish(1, "t"));
  CHECK(h.last_client()["result"]["_meta"]["agentpol"].contains("approval"));
  CHECK(h.last_audit()["outcome"] == "held");
}

TEST_CASE("session: without a state database an escalated call is refused, never forwarded", "[approvals]") {
  Harness h;
  h.session->client_message(publish(1, "t"));
  CHECK(h.wire.server.empty());
  CHECK(h.last_client()["result"]["content"][0]["text"].get<std::string>().find("no state database for approvals") !=
        std::string::npos);
  CHECK(h.last_audit()["outcome"] == "blocked");
}

TEST_CASE("session: held calls get errors when the server goes away", "[approvals]") {
  Harness h(false, hold_for(30000));
  h.session->client_message(publish(1, "t"));
  h.session->server_gone("the MCP server exited before answering");
  CHECK(h.last_client()["error"]["code"] == -32603);
  CHECK(h.session->holding() == 0);
  CHECK(h.session->tick() == -1);
}

TEST_CASE("session: a held call the client cancels ends unanswered; its approval stays pending", "[approvals]") {
  Harness h(false, hold_for(30000));
  h.session->client_message(publish(1, "t"));
  h.session->client_message(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1,"reason":"user"}})");
  CHECK(h.session->holding() == 0);
  CHECK(h.wire.client.empty());
  CHECK(h.wire.server.empty());  // neither the call nor the cancellation reaches the server
  CHECK(h.last_audit()["outcome"] == "held");
  std::string error;
  CHECK(h.state->approvals(true, h.now_ms, &error).size() == 1);
  // A cancellation for anything else goes to the server as before.
  h.session->client_message(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":5}})");
  CHECK(h.wire.server.size() == 1);
}
