// jwk.cpp — read_jwk(): members checked by name and type, the base64url
// fields decoded strictly, and the key built with OpenSSL 3's
// EVP_PKEY_fromdata (EC, RSA) or EVP_PKEY_new_raw_public_key (Ed25519); an
// EC point must lie on the curve (EVP_PKEY_public_check).
#include "auth/jwk.h"

#include "auth/base64url.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace agentpol::gateway::auth {
namespace {

struct Fail {
  std::string why;
};

std::string member(const json& jwk, const char* name, bool required) {
  auto it = jwk.find(name);
  if (it == jwk.end()) {
    if (required) throw Fail{std::string("missing \"") + name + "\""};
    return "";
  }
  if (!it->is_string()) throw Fail{std::string("\"") + name + "\" is not a string"};
  return it->get<std::string>();
}

std::string bytes_member(const json& jwk, const char* name) {
  auto bytes = base64url_decode(member(jwk, name, true));
  if (!bytes || bytes->empty()) throw Fail{std::string("\"") + name + "\" is not base64url"};
  return *bytes;
}

std::shared_ptr<evp_pkey_st> own(EVP_PKEY* pkey) {
  if (!pkey) throw Fail{"OpenSSL refused the key"};
  return std::shared_ptr<evp_pkey_st>(pkey, EVP_PKEY_free);
}

// Builds an EVP_PKEY of `type` ("EC", "RSA") from the parameters `build` adds.
template <typename Build>
std::shared_ptr<evp_pkey_st> from_params(const char* type, Build build) {
  std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> bld(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
  std::vector<std::unique_ptr<BIGNUM, decltype(&BN_free)>> nums;
  if (!bld || !build(bld.get(), nums)) throw Fail{"OpenSSL refused the key"};
  std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(OSSL_PARAM_BLD_to_param(bld.get()), OSSL_PARAM_free);
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr),
                                                                  EVP_PKEY_CTX_free);
  EVP_PKEY* pkey = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &pkey, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
    throw Fail{"OpenSSL refused the key"};
  return own(pkey);
}

std::shared_ptr<evp_pkey_st> ed25519(const json& jwk) {
  if (member(jwk, "crv", true) != "Ed25519") throw Fail{"OKP key whose \"crv\" is not Ed25519"};
  std::string x = bytes_member(jwk, "x");
  if (x.size() != 32) throw Fail{"Ed25519 \"x\" is not 32 bytes"};
  return own(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char*>(x.data()),
                                         x.size()));
}

std::shared_ptr<evp_pkey_st> p256(const json& jwk) {
  if (member(jwk, "crv", true) != "P-256") throw Fail{"EC key whose \"crv\" is not P-256"};
  std::string x = bytes_member(jwk, "x"), y = bytes_member(jwk, "y");
  if (x.size() != 32 || y.size() != 32) throw Fail{"P-256 \"x\" or \"y\" is not 32 bytes"};
  std::string point = "\x04" + x + y;
  auto pkey = from_params("EC", [&](OSSL_PARAM_BLD* bld, auto&) {
    return OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) == 1 &&
           OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) == 1;
  });
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> check(EVP_PKEY_CTX_new(pkey.get(), nullptr),
                                                                    EVP_PKEY_CTX_free);
  if (!check || EVP_PKEY_public_check(check.get()) != 1) throw Fail{"P-256 point is not on the curve"};
  return pkey;
}

std::shared_ptr<evp_pkey_st> rsa(const json& jwk) {
  std::string n = bytes_member(jwk, "n"), e = bytes_member(jwk, "e");
  if (n[0] == '\0' || e[0] == '\0') throw Fail{"RSA \"n\" or \"e\" has a leading zero byte"};
  if (n.size() < 256) throw Fail{"RSA key shorter than 2048 bits"};
  if (n.size() > 1024) throw Fail{"RSA key longer than 8192 bits"};
  if (e.size() > 8 || (static_cast<unsigned char>(e.back()) & 1) == 0 || (e.size() == 1 && e[0] == '\x01'))
    throw Fail{"RSA \"e\" is not an odd exponent of at most 64 bits above 1"};
  auto pkey = from_params("RSA", [&](OSSL_PARAM_BLD* bld, auto& nums) {
    for (const std::string* part : {&n, &e})
      nums.emplace_back(BN_bin2bn(reinterpret_cast<const unsigned char*>(part->data()), static_cast<int>(part->size()),
                                  nullptr),
                        BN_free);
    return nums[0] && nums[1] && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, nums[0].get()) == 1 &&
           OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, nums[1].get()) == 1;
  });
  if (EVP_PKEY_get_bits(pkey.get()) < 2048) throw Fail{"RSA key shorter than 2048 bits"};
  return pkey;
}

}  // namespace

const char* alg_name(KeyAlg alg) {
  switch (alg) {
    case KeyAlg::EdDSA: return "EdDSA";
    case KeyAlg::ES256: return "ES256";
    case KeyAlg::RS256: return "RS256";
  }
  return "?";
}

bool read_jwk(const json& jwk, PublicKey* out, std::string* error) {
  try {
    if (!jwk.is_object()) throw Fail{"a key is not a JSON object"};
    for (const char* secret : {"d", "p", "q", "dp", "dq", "qi", "oth", "k"})
      if (jwk.contains(secret)) throw Fail{std::string("key has the private or secret member \"") + secret + "\""};
    std::string kty = member(jwk, "kty", true);
    PublicKey key;
    key.kid = member(jwk, "kid", false);
    if (kty == "OKP") {
      key.alg = KeyAlg::EdDSA;
      key.pkey = ed25519(jwk);
    } else if (kty == "EC") {
      key.alg = KeyAlg::ES256;
      key.pkey = p256(jwk);
    } else if (kty == "RSA") {
      key.alg = KeyAlg::RS256;
      key.pkey = rsa(jwk);
    } else {
      throw Fail{"\"kty\" is not OKP, EC or RSA"};
    }
    std::string alg = member(jwk, "alg", false);
    if (!alg.empty() && alg != alg_name(key.alg))
      throw Fail{"\"alg\" " + alg.substr(0, 20) + " does not fit a " + kty + " key"};
    std::string use = member(jwk, "use", false);
    if (!use.empty() && use != "sig") throw Fail{"\"use\" is not \"sig\""};
    *out = std::move(key);
    return true;
  } catch (const Fail& f) {
    *error = f.why;
    return false;
  }
}

}  // namespace agentpol::gateway::auth
