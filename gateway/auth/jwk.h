// jwk.h — one public signing key from a JWK (RFC 7517/7518/8037) as an
// OpenSSL EVP_PKEY: OKP Ed25519 (EdDSA), EC P-256 (ES256), RSA of at least
// 2048 bits (RS256). The key's type fixes the one algorithm it verifies;
// symmetric ("oct") keys and private members are refused.
#pragma once

#include "core/strict_json.h"

#include <memory>
#include <string>

struct evp_pkey_st;

namespace agentpol::gateway::auth {

enum class KeyAlg { EdDSA, ES256, RS256 };

// The JWS "alg" name of an algorithm ("EdDSA", "ES256", "RS256").
const char* alg_name(KeyAlg alg);

struct PublicKey {
  std::string kid;  // "" when the JWK has none
  KeyAlg alg = KeyAlg::EdDSA;
  std::shared_ptr<evp_pkey_st> pkey;
};

// Reads one JWK object. On failure returns false and sets *error to a
// one-line reason (which names no key material).
bool read_jwk(const json& jwk, PublicKey* out, std::string* error);

}  // namespace agentpol::gateway::auth
