// test_bearer.cpp — the HTTP side of a token check without HTTP: the
// Authorization header read, the 401's WWW-Authenticate value, the audit
// lines of refused tokens and JWKS reloads, and --upstream-header values.
#include "auth/bearer.h"
#include "auth/upstream_headers.h"
#include "core/strict_json.h"

#include <catch2/catch.hpp>

#include <map>

using namespace agentpol::gateway;
using namespace agentpol::gateway::auth;

TEST_CASE("bearer: the token out of an Authorization header", "[bearer]") {
  auto read = [](std::optional<std::string_view> h) {
    std::string_view token;
    const char* why = bearer_token(h, &token);
    return why ? std::string(why) : "=" + std::string(token);
  };
  CHECK(read("Bearer abc.def.ghi") == "=abc.def.ghi");
  CHECK(read("bearer abc.def.ghi") == "=abc.def.ghi");
  CHECK(read("BEARER   a-b_c~d+e/f==") == "=a-b_c~d+e/f==");
  CHECK(read(std::nullopt) == "token_missing");
  CHECK(read("") == "token_missing");
  CHECK(read("Bearer") == "token_missing");
  CHECK(read("Bearer   ") == "token_missing");
  CHECK(read("Basic dXNlcjpwdw==") == "authorization_not_bearer");
  CHECK(read("Bearerabc") == "authorization_not_bearer");
  CHECK(read("Bear") == "authorization_not_bearer");
  CHECK(read("Bearer a b") == "token_malformed");
  CHECK(read("Bearer a\"b") == "token_malformed");
  CHECK(read("Bearer a=b") == "token_malformed");
  CHECK(read("Bearer ==") == "token_malformed");
  CHECK(read("Bearer a\tb") == "token_malformed");
}

TEST_CASE("bearer: the 401 header and the audit lines name the reason, never the token", "[bearer]") {
  CHECK(www_authenticate("expired") == R"(Bearer error="invalid_token", error_description="expired")");
  CHECK(token_refused_line(1800000000250, "signature_invalid", "127.0.0.1:5123") ==
        R"({"time":"2027-01-15T08:00:00.250Z","event":"token_refused","reason":"signature_invalid","peer":"127.0.0.1:5123"})");
  std::string line = jwks_refused_line(0, "/etc/gw/jwks.json", "bad \xff");
  json parsed;
  std::string error;
  REQUIRE(parse_strict(line, &parsed, &error));
  CHECK(parsed["event"] == "jwks_refused");
  CHECK(parsed["file"] == "/etc/gw/jwks.json");
  CHECK(parsed["time"] == "1970-01-01T00:00:00.000Z");
}

TEST_CASE("bearer: --upstream-header values", "[bearer]") {
  std::map<std::string, std::string> vars = {{"UP_TOKEN", "s3cret"}, {"EMPTY", ""}, {"CRLF", "a\r\nX-Evil: 1"}};
  auto env = [&](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
  auto read = [&](std::string_view option) {
    UpstreamHeader h;
    std::string error;
    return read_upstream_header(option, env, &h, &error) ? h.name + "=" + h.value : "!" + error;
  };
  CHECK(read("Authorization: Bearer $UP_TOKEN") == "Authorization=Bearer $UP_TOKEN");  // only a whole $VAR value
  CHECK(read("Authorization: $UP_TOKEN") == "Authorization=s3cret");
  CHECK(read("X-Api-Key:   k  ") == "X-Api-Key=k");
  CHECK(read("X-Empty:") == "X-Empty=");
  CHECK(read("X-Price: $") == "X-Price=$");
  CHECK(read("X-Key: $NOPE") == "!$NOPE is not set (or empty)");
  CHECK(read("X-Key: $EMPTY") == "!$EMPTY is not set (or empty)");
  CHECK(read("X-Key: $CRLF") == "!the value of X-Key has a control character");
  CHECK(read("X-Key: a\nb") == "!the value of X-Key has a control character");
  CHECK(read("no colon") == "!expected \"NAME: VALUE\"");
  CHECK(read(": v") == "!the header name is not an HTTP token");
  CHECK(read("Bad Name: v") == "!the header name is not an HTTP token");
  CHECK(read("mcp-session-id: x") == "!the gateway sets mcp-session-id itself");
  CHECK(read("Host: evil") == "!the gateway sets Host itself");
  CHECK(read("Content-Length: 5") == "!the gateway sets Content-Length itself");
}
