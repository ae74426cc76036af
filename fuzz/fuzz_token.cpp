// fuzz_token.cpp — libFuzzer target: arbitrary bytes as an access token
// through verify_jws against a JWKS of one key of each type (the public
// example keys of RFC 8037 A.2, RFC 7515 A.3 and A.2), and, when the bytes
// are a JSON object, as verified claims through check_claims (which a fuzzer
// could not reach past a signature). Every outcome must be a reason code or
// a caller with an agent.
#include "auth/jws.h"
#include "auth/token_verifier.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

using namespace agentpol::gateway;
using namespace agentpol::gateway::auth;

const char kJwks[] = R"({"keys": [
  {"kty": "OKP", "crv": "Ed25519", "kid": "ed", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},
  {"kty": "EC", "crv": "P-256", "kid": "ec", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
   "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"},
  {"kty": "RSA", "kid": "rsa", "e": "AQAB",
   "n": "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ"}
]})";

const KeySet& keys() {
  static KeySet set = [] {
    KeySet s;
    std::string error;
    if (!read_jwks(kJwks, &s, &error) || s.keys.size() != 3) std::abort();
    return s;
  }();
  return set;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  json claims;
  const char* why = verify_jws(text, keys(), &claims);
  if (why == nullptr && !claims.is_object()) std::abort();  // a verified payload is an object

  json doc;
  std::string error;
  if (parse_strict(text, &doc, &error) && doc.is_object()) {
    TokenCheck c = check_claims(doc, "https://idp.example", "gw", 1800000000);
    if (c.ok()) {
      if (c.identity.agent.empty()) std::abort();
      (void)token_context(c.identity).dump();
    }
  }
  return 0;
}
