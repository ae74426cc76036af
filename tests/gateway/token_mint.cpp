// token_mint.cpp — make_key / mint: OpenSSL 3's one-call key generation,
// parameter export for the JWK, EVP_DigestSign for the signature.
#include "token_mint.h"

#include "auth/base64url.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>

#include <stdexcept>
#include <vector>

namespace agentpol::gateway::test {
namespace {

using auth::base64url_encode;

std::string bn_param(EVP_PKEY* pkey, const char* name, int width) {
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1) throw std::runtime_error("EVP_PKEY_get_bn_param failed");
  int n = width > 0 ? width : BN_num_bytes(bn);
  std::string out(static_cast<size_t>(n), '\0');
  BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(out.data()), n);
  BN_free(bn);
  return out;
}

std::string jose_from_der(const std::string& der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size()));
  if (!sig) throw std::runtime_error("d2i_ECDSA_SIG failed");
  std::string out(64, '\0');
  BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char*>(out.data()), 32);
  BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char*>(out.data()) + 32, 32);
  ECDSA_SIG_free(sig);
  return out;
}

}  // namespace

SigningKey make_key(const std::string& kty, const std::string& kid) {
  EVP_PKEY* pkey = nullptr;
  if (kty == "OKP") pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  else if (kty == "EC") pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  else if (kty == "RSA") pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048));
  if (!pkey) throw std::runtime_error("EVP_PKEY_Q_keygen failed for " + kty);
  return SigningKey{kty, kid, std::shared_ptr<evp_pkey_st>(pkey, EVP_PKEY_free)};
}

std::string SigningKey::alg() const { return kty == "OKP" ? "EdDSA" : kty == "EC" ? "ES256" : "RS256"; }

json SigningKey::jwk() const {
  json j = {{"kty", kty}};
  if (!kid.empty()) j["kid"] = kid;
  if (kty == "OKP") {
    std::string raw(32, '\0');
    size_t n = raw.size();
    EVP_PKEY_get_raw_public_key(pkey.get(), reinterpret_cast<unsigned char*>(raw.data()), &n);
    j["crv"] = "Ed25519";
    j["x"] = base64url_encode(raw);
  } else if (kty == "EC") {
    j["crv"] = "P-256";
    j["x"] = base64url_encode(bn_param(pkey.get(), OSSL_PKEY_PARAM_EC_PUB_X, 32));
    j["y"] = base64url_encode(bn_param(pkey.get(), OSSL_PKEY_PARAM_EC_PUB_Y, 32));
  } else {
    j["n"] = base64url_encode(bn_param(pkey.get(), OSSL_PKEY_PARAM_RSA_N, 0));
    j["e"] = base64url_encode(bn_param(pkey.get(), OSSL_PKEY_PARAM_RSA_E, 0));
  }
  return j;
}

std::string SigningKey::sign(const std::string& input) const {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  const EVP_MD* md = kty == "OKP" ? nullptr : EVP_sha256();
  size_t n = 0;
  std::vector<unsigned char> sig;
  bool ok = ctx && EVP_DigestSignInit(ctx, nullptr, md, nullptr, pkey.get()) == 1 &&
            EVP_DigestSign(ctx, nullptr, &n, reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1;
  if (ok) {
    sig.resize(n);
    ok = EVP_DigestSign(ctx, sig.data(), &n, reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1;
  }
  EVP_MD_CTX_free(ctx);
  if (!ok) throw std::runtime_error("EVP_DigestSign failed");
  std::string out(reinterpret_cast<char*>(sig.data()), n);
  return kty == "EC" ? jose_from_der(out) : out;
}

std::string mint(const SigningKey& key, const json& header, const json& claims) {
  std::string input = base64url_encode(header.dump()) + "." + base64url_encode(claims.dump());
  return input + "." + base64url_encode(key.sign(input));
}

std::string mint(const SigningKey& key, const json& claims) {
  return mint(key, json{{"alg", key.alg()}, {"kid", key.kid}, {"typ", "JWT"}}, claims);
}

std::string jwks_of(std::initializer_list<const SigningKey*> keys) {
  json arr = json::array();
  for (const SigningKey* k : keys) arr.push_back(k->jwk());
  return json{{"keys", arr}}.dump();
}

}  // namespace agentpol::gateway::test
