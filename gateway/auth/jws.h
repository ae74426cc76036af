// jws.h — a JWS compact token (RFC 7515 section 7.1) taken apart and its
// signature checked against a KeySet: bounded size, exactly three strict
// base64url segments, a strict JSON object header whose "alg" is EdDSA,
// ES256 or RS256 and fits the key ("none", HMAC and every other alg
// refused; "crit" refused; "typ", when given, JWT or at+jwt). The payload
// is read only after the signature holds. Failures are fixed reason codes
// that never quote the token.
#pragma once

#include "auth/jwks_file.h"
#include "core/strict_json.h"

#include <string_view>

namespace agentpol::gateway::auth {

inline constexpr size_t kMaxTokenBytes = 8192;

// Checks `token`'s form and signature; on success sets *claims to its
// payload (a JSON object) and returns nullptr, else returns the reason.
const char* verify_jws(std::string_view token, const KeySet& keys, json* claims);

}  // namespace agentpol::gateway::auth
