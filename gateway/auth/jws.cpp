// jws.cpp — verify_jws(): split, decode and read the header, pick the key
// (by kid, else the only key of the header's alg), check the signature with
// EVP_DigestVerify (ES256's JOSE r||s turned into DER first), then read the
// payload.
#include "auth/jws.h"

#include "auth/base64url.h"

#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>

namespace agentpol::gateway::auth {
namespace {

// The algorithm a header names, or the reason it is refused.
const char* header_alg(const json& header, KeyAlg* alg) {
  auto it = header.find("alg");
  if (it == header.end()) return "alg_missing";
  if (!it->is_string()) return "alg_malformed";
  const std::string& name = it->get_ref<const std::string&>();
  if (name == "EdDSA") *alg = KeyAlg::EdDSA;
  else if (name == "ES256") *alg = KeyAlg::ES256;
  else if (name == "RS256") *alg = KeyAlg::RS256;
  else if (name == "none" || name == "None" || name == "NONE" || name.empty()) return "alg_none";
  else if (name.rfind("HS", 0) == 0) return "alg_hmac";
  else return "alg_unsupported";
  return nullptr;
}

bool typ_accepted(const std::string& typ) {
  std::string lower(typ);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "jwt" || lower == "at+jwt" || lower == "application/jwt" || lower == "application/at+jwt";
}

// The header's checks besides alg; nullptr when it is acceptable.
const char* header_rest(const json& header, std::optional<std::string>* kid) {
  if (header.contains("crit")) return "crit_unsupported";
  if (auto it = header.find("typ"); it != header.end())
    if (!it->is_string() || !typ_accepted(it->get_ref<const std::string&>())) return "typ_unexpected";
  if (auto it = header.find("kid"); it != header.end()) {
    if (!it->is_string() || it->get_ref<const std::string&>().empty()) return "kid_malformed";
    *kid = it->get<std::string>();
  }
  return nullptr;
}

const char* pick_key(const KeySet& keys, const std::optional<std::string>& kid, KeyAlg alg, const PublicKey** out) {
  if (kid) {
    for (const PublicKey& key : keys.keys)
      if (key.kid == *kid) {
        if (key.alg != alg) return "alg_key_mismatch";
        *out = &key;
        return nullptr;
      }
    return "kid_unknown";
  }
  const PublicKey* only = nullptr;
  for (const PublicKey& key : keys.keys) {
    if (key.alg != alg) continue;
    if (only) return "kid_missing";  // several keys could be meant
    only = &key;
  }
  if (!only) return "alg_key_mismatch";
  *out = only;
  return nullptr;
}

// ES256's 64-byte r||s as the DER ECDSA-Sig-Value OpenSSL verifies.
std::optional<std::string> es256_der(const std::string& sig) {
  if (sig.size() != 64) return std::nullopt;
  const auto* p = reinterpret_cast<const unsigned char*>(sig.data());
  std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> ecdsa(ECDSA_SIG_new(), ECDSA_SIG_free);
  BIGNUM* r = BN_bin2bn(p, 32, nullptr);
  BIGNUM* s = BN_bin2bn(p + 32, 32, nullptr);
  if (!ecdsa || !r || !s || ECDSA_SIG_set0(ecdsa.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return std::nullopt;
  }
  unsigned char* der = nullptr;
  int n = i2d_ECDSA_SIG(ecdsa.get(), &der);
  if (n <= 0) return std::nullopt;
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(n));
  OPENSSL_free(der);
  return out;
}

bool signature_holds(const PublicKey& key, std::string_view signed_part, const std::string& signature) {
  std::string sig = signature;
  if (key.alg == KeyAlg::ES256) {
    auto der = es256_der(signature);
    if (!der) return false;
    sig = std::move(*der);
  } else if (key.alg == KeyAlg::EdDSA && signature.size() != 64) {
    return false;
  } else if (key.alg == KeyAlg::RS256 && signature.size() != static_cast<size_t>(EVP_PKEY_get_size(key.pkey.get()))) {
    return false;
  }
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  const EVP_MD* md = key.alg == KeyAlg::EdDSA ? nullptr : EVP_sha256();
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, md, nullptr, key.pkey.get()) != 1) return false;
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(sig.data()), sig.size(),
                          reinterpret_cast<const unsigned char*>(signed_part.data()), signed_part.size()) == 1;
}

// Decodes a segment and reads it as a JSON object.
bool json_object(std::string_view segment, json* out, bool* base64_ok) {
  auto bytes = base64url_decode(segment);
  *base64_ok = bytes.has_value();
  std::string why;
  return bytes && parse_strict(*bytes, out, &why) && out->is_object();
}

}  // namespace

const char* verify_jws(std::string_view token, const KeySet& keys, json* claims) {
  if (token.empty()) return "token_empty";
  if (token.size() > kMaxTokenBytes) return "token_too_large";
  size_t dot1 = token.find('.');
  size_t dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos)
    return "token_not_compact";
  std::string_view head = token.substr(0, dot1), body = token.substr(dot1 + 1, dot2 - dot1 - 1),
                   sig_text = token.substr(dot2 + 1);

  json header;
  bool b64 = false;
  if (!json_object(head, &header, &b64)) return b64 ? "header_not_json" : "header_not_base64url";
  KeyAlg alg{};
  if (const char* why = header_alg(header, &alg)) return why;
  std::optional<std::string> kid;
  if (const char* why = header_rest(header, &kid)) return why;
  const PublicKey* key = nullptr;
  if (const char* why = pick_key(keys, kid, alg, &key)) return why;

  auto signature = base64url_decode(sig_text);
  if (!signature) return "signature_not_base64url";
  if (!base64url_decode(body)) return "payload_not_base64url";
  if (!signature_holds(*key, token.substr(0, dot2), *signature)) return "signature_invalid";

  if (!json_object(body, claims, &b64)) return "payload_not_json";
  return nullptr;
}

}  // namespace agentpol::gateway::auth
