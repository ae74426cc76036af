// jwks_file.h — the JWKS file (RFC 7517 section 5) the gateway trusts:
// {"keys": [JWK, …]}, every key a signing key read by read_jwk, kids
// unique. The file is looked at (stat: inode, size, mtime) on every
// current() and read again when it changed; a changed file that fails to
// load is refused and the keys in force stay. Safe to share between threads.
#pragma once

#include "auth/jwk.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace agentpol::gateway::auth {

inline constexpr size_t kMaxJwksBytes = 1 << 20;
inline constexpr size_t kMaxJwksKeys = 64;

struct KeySet {
  std::vector<PublicKey> keys;
};

// Reads a JWKS text. On failure returns false and sets *error.
bool read_jwks(std::string_view text, KeySet* out, std::string* error);

class JwksFile {
 public:
  explicit JwksFile(std::string path) : path_(std::move(path)) {}

  // The first load: false (with *error) when the file cannot be read or is
  // not a valid JWKS.
  bool load(std::string* error);

  // The keys in force, reloading the file first when it changed. When a
  // changed file is refused, *refused (if given) gets the reason, once per
  // change; the previous keys are returned.
  std::shared_ptr<const KeySet> current(std::string* refused = nullptr);

  const std::string& path() const { return path_; }

 private:
  struct Stamp {
    uint64_t dev = 0, ino = 0, size = 0;
    int64_t mtime_ns = -1;
    bool operator==(const Stamp& o) const {
      return dev == o.dev && ino == o.ino && size == o.size && mtime_ns == o.mtime_ns;
    }
  };
  bool stamp(Stamp* out) const;
  bool read(std::shared_ptr<const KeySet>* out, std::string* error) const;

  std::string path_;
  std::mutex mu_;
  Stamp seen_;  // the file's stamp when last read (loaded or refused)
  std::shared_ptr<const KeySet> keys_;
};

}  // namespace agentpol::gateway::auth
