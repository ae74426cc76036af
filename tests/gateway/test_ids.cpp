// test_ids.cpp — JSON-RPC envelopes (classify) and the id space: server
// request ids swapped for gateway numbers and back, exactly once.
#include "core/id_space.h"
#include "core/jsonrpc.h"

#include <catch2/catch.hpp>

using namespace agentpol::gateway;

TEST_CASE("ids: classify tells requests, notifications, responses and invalid messages apart", "[ids]") {
  auto kind = [](const char* text) { return classify(json::parse(text)).kind; };
  CHECK(kind(R"({"jsonrpc":"2.0","id":1,"method":"tools/list"})") == RpcKind::Request);
  CHECK(kind(R"({"jsonrpc":"2.0","id":"a","method":"ping"})") == RpcKind::Request);
  CHECK(kind(R"({"jsonrpc":"2.0","method":"notifications/initialized"})") == RpcKind::Notification);
  CHECK(kind(R"({"jsonrpc":"2.0","id":1,"result":{}})") == RpcKind::Response);
  CHECK(kind(R"({"jsonrpc":"2.0","id":1,"error":{"code":1,"message":"x"}})") == RpcKind::Response);
  CHECK(kind(R"({"jsonrpc":"2.0","id":1,"result":{},"error":{}})") == RpcKind::Invalid);
  CHECK(kind(R"({"id":1,"method":"tools/call"})") == RpcKind::Invalid);
  CHECK(kind(R"({"jsonrpc":"2.0","id":[1],"method":"tools/call"})") == RpcKind::Invalid);
  CHECK(kind(R"({"jsonrpc":"2.0","id":null,"method":"tools/call"})") == RpcKind::Invalid);
  CHECK(kind(R"({"jsonrpc":"2.0","id":1,"method":7})") == RpcKind::Invalid);
  CHECK(kind(R"([1])") == RpcKind::Invalid);
  RpcMessage m = classify(json::parse(R"({"jsonrpc":"2.0","id":1,"method":7})"));
  CHECK(m.id == 1);  // an invalid message with a usable id is answered with it
  CHECK(classify(json::parse(R"({"jsonrpc":"2.0","id":"1","method":"x"})")).id_key == "\"1\"");
  CHECK(classify(json::parse(R"({"jsonrpc":"2.0","id":1,"method":"x"})")).id_key == "1");
}

TEST_CASE("ids: error and result messages", "[ids]") {
  CHECK(rpc_error(nullptr, kParseError, "Parse error") ==
        R"({"error":{"code":-32700,"message":"Parse error"},"id":null,"jsonrpc":"2.0"})");
  CHECK(rpc_result("x", json{{"a", 1}}) == R"({"id":"x","jsonrpc":"2.0","result":{"a":1}})");
}

TEST_CASE("ids: server request ids are swapped for gateway numbers and back once", "[ids]") {
  ServerIdMap map;
  int64_t a = map.to_client(json(1));
  int64_t b = map.to_client(json("1"));  // a string id is another id
  int64_t c = map.to_client(json(1.5));
  CHECK(a != b);
  CHECK(b != c);
  CHECK(map.in_flight() == 3);
  CHECK(map.find(json("1")) == b);
  CHECK(map.find(json(2)) == std::nullopt);
  CHECK(map.to_server(json(b)) == json("1"));
  CHECK(map.to_server(json(b)) == std::nullopt);  // answered already
  CHECK(map.to_server(json("1")) == std::nullopt);  // not a gateway id
  CHECK(map.to_server(json(a)) == json(1));
  int64_t own = map.next();  // the gateway's own requests share the counter
  CHECK(own > c);
  CHECK(map.to_server(json(own)) == std::nullopt);
}
