// bearer.h — the HTTP side of a token check (spec section 13), kept apart
// from any HTTP library: the token out of an Authorization header (RFC 6750
// section 2.1), the WWW-Authenticate value of a 401, and the audit lines of
// a refused token and of a refused JWKS reload (never the token itself).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace agentpol::gateway::auth {

// The token of `Authorization: Bearer TOKEN` (scheme case-insensitive, one
// or more spaces, the token68 characters only). nullptr with *token set, or
// the reason: "token_missing" (no header, or no token after the scheme),
// "authorization_not_bearer", "token_malformed".
const char* bearer_token(std::optional<std::string_view> authorization, std::string_view* token);

// `Bearer error="invalid_token", error_description="REASON"`.
std::string www_authenticate(const char* reason);

// {"time", "event": "token_refused", "reason", "peer"}.
std::string token_refused_line(int64_t time_ms, const char* reason, std::string_view peer);
// {"time", "event": "jwks_refused", "file", "error"}: a changed JWKS file
// that was not taken (the keys in force stay).
std::string jwks_refused_line(int64_t time_ms, std::string_view file, std::string_view error);

}  // namespace agentpol::gateway::auth
