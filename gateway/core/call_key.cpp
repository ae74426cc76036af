// call_key.cpp — SHA-256 through OpenSSL's one-shot EVP_Digest, ids from
// getrandom(2).
#include "core/call_key.h"

#include <openssl/evp.h>

#include <cstdio>
#include <random>
#include <stdexcept>
#include <sys/random.h>

namespace agentpol::gateway {
namespace {

std::string hex(const unsigned char* bytes, size_t n) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out.push_back(kHex[bytes[i] >> 4]);
    out.push_back(kHex[bytes[i] & 15]);
  }
  return out;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &n, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed (OpenSSL EVP_Digest)");
  return hex(digest, n);
}

std::string new_approval_id() {
  unsigned char bytes[10];
  if (getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes)) {
    std::random_device rd;  // getrandom is there on every supported kernel; this is a fallback
    for (unsigned char& b : bytes) b = static_cast<unsigned char>(rd());
  }
  return "ap-" + hex(bytes, sizeof bytes);
}

}  // namespace agentpol::gateway
