// base64url.h — the unpadded base64url alphabet of JWS (RFC 7515 section 2),
// decoded strictly: only A-Z a-z 0-9 - _, no '=', no whitespace, no length
// that is 1 mod 4, and the unused low bits of the last character zero, so
// each byte string has exactly one accepted text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace agentpol::gateway::auth {

// The bytes `text` encodes, or nullopt when it is not strict base64url.
std::optional<std::string> base64url_decode(std::string_view text);

// The unpadded base64url text of `bytes` (the inverse of base64url_decode).
std::string base64url_encode(std::string_view bytes);

}  // namespace agentpol::gateway::auth
