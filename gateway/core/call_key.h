// call_key.h — what binds an approval to exactly the call approved (spec
// section 12): the SHA-256 of the call's canonical arguments (OpenSSL's
// libcrypto; the runtime stays dependency-free), and fresh approval ids.
#pragma once

#include <string>
#include <string_view>

namespace agentpol::gateway {

// Lower-case hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

// A fresh, unguessable approval id: "ap-" and 20 random hex digits.
std::string new_approval_id();

}  // namespace agentpol::gateway
