// token_verifier.h — an access token (spec section 13) verified and read:
// the JWS against the JWKS file's keys, then "iss" (exact), "aud" (a string
// or an array holding the audience), "exp" (required), "nbf" and "iat"
// (optional) with a leeway, then the caller it names (RFC 8693): with "act",
// the agent is act.sub and the user is sub; else the agent is client_id,
// else azp, else sub, and there is no user. Every failure is one fixed
// reason code (see docs/gateway.md), never the token or a claim's value.
#pragma once

#include "auth/jwks_file.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agentpol::gateway::auth {

inline constexpr int64_t kTokenLeewaySeconds = 60;

struct TokenIdentity {
  std::string agent;
  std::optional<std::string> user;
  int64_t expires_at = 0;            // exp, Unix seconds
  std::optional<int64_t> issued_at;  // iat
  std::vector<std::string> scopes;   // "scope" split on spaces, else "scp"; sorted, unique
};

struct TokenCheck {
  const char* reason = nullptr;  // nullptr: verified
  TokenIdentity identity;
  bool ok() const { return reason == nullptr; }
};

class TokenVerifier {
 public:
  TokenVerifier(JwksFile* keys, std::string issuer, std::string audience, int64_t leeway = kTokenLeewaySeconds)
      : keys_(keys), issuer_(std::move(issuer)), audience_(std::move(audience)), leeway_(leeway) {}

  // Verifies `token` at `now` (Unix seconds). A refused JWKS reload is
  // reported through *jwks_refused (see JwksFile::current).
  TokenCheck verify(std::string_view token, int64_t now, std::string* jwks_refused = nullptr) const;

 private:
  JwksFile* keys_;
  std::string issuer_, audience_;
  int64_t leeway_;
};

// Checks verified claims (a JSON object) at `now`; the part of verify after
// the signature, on its own for tests.
TokenCheck check_claims(const json& claims, const std::string& issuer, const std::string& audience, int64_t now,
                        int64_t leeway = kTokenLeewaySeconds);

// context.token as section 8 writes it: {"issued_at", "expires_at", "scopes"}
// (issued_at left out when the token has no iat).
json token_context(const TokenIdentity& identity);

}  // namespace agentpol::gateway::auth
