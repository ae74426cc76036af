// token_mint.h — real signing keys and tokens for the token tests, made with
// OpenSSL itself: EVP_PKEY_Q_keygen (Ed25519, P-256, RSA 2048), the public
// half as a JWK, and JWS compact tokens signed with EVP_DigestSign (ES256's
// DER signature turned into JOSE r||s).
#pragma once

#include "core/strict_json.h"

#include <memory>
#include <string>

struct evp_pkey_st;

namespace agentpol::gateway::test {

struct SigningKey {
  std::string kty;  // "OKP", "EC", "RSA"
  std::string kid;
  std::shared_ptr<evp_pkey_st> pkey;

  // The public JWK (kty, kid, and x / x,y / n,e).
  json jwk() const;
  // The raw signature a JWS with this key's algorithm carries.
  std::string sign(const std::string& input) const;
  // "EdDSA", "ES256" or "RS256".
  std::string alg() const;
};

// A fresh key of kty "OKP" (Ed25519), "EC" (P-256) or "RSA" (2048 bits).
SigningKey make_key(const std::string& kty, const std::string& kid);

// header.payload.signature with `header` and `claims` as given (compact JSON).
std::string mint(const SigningKey& key, const json& header, const json& claims);
// The same with the header {"alg": key.alg(), "kid": key.kid, "typ": "JWT"}.
std::string mint(const SigningKey& key, const json& claims);

// {"keys": [jwk, …]} as text.
std::string jwks_of(std::initializer_list<const SigningKey*> keys);

}  // namespace agentpol::gateway::test
