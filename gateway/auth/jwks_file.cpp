// jwks_file.cpp — read_jwks() (strict JSON, bounded size and key count,
// unique kids) and JwksFile's stat-then-reload.
#include "auth/jwks_file.h"

#include <sys/stat.h>

#include <fstream>
#include <set>
#include <sstream>

namespace agentpol::gateway::auth {

bool read_jwks(std::string_view text, KeySet* out, std::string* error) {
  if (text.size() > kMaxJwksBytes) {
    *error = "JWKS larger than 1 MiB";
    return false;
  }
  json doc;
  std::string why;
  if (!parse_strict(text, &doc, &why)) {
    *error = "JWKS is not valid JSON: " + why;
    return false;
  }
  auto keys = doc.is_object() ? doc.find("keys") : doc.end();
  if (!doc.is_object() || keys == doc.end() || !keys->is_array()) {
    *error = "JWKS is not an object with a \"keys\" array";
    return false;
  }
  if (keys->empty() || keys->size() > kMaxJwksKeys) {
    *error = "JWKS holds " + std::to_string(keys->size()) + " keys (1 to 64 allowed)";
    return false;
  }
  KeySet set;
  std::set<std::string> kids;
  for (size_t i = 0; i < keys->size(); ++i) {
    PublicKey key;
    if (!read_jwk((*keys)[i], &key, &why)) {
      *error = "JWKS key " + std::to_string(i) + ": " + why;
      return false;
    }
    if (!key.kid.empty() && !kids.insert(key.kid).second) {
      *error = "JWKS key " + std::to_string(i) + ": kid given to two keys";
      return false;
    }
    set.keys.push_back(std::move(key));
  }
  *out = std::move(set);
  return true;
}

bool JwksFile::stamp(Stamp* out) const {
  struct stat st;
  if (::stat(path_.c_str(), &st) != 0) return false;
  out->dev = static_cast<uint64_t>(st.st_dev);
  out->ino = static_cast<uint64_t>(st.st_ino);
  out->size = static_cast<uint64_t>(st.st_size);
  out->mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return true;
}

bool JwksFile::read(std::shared_ptr<const KeySet>* out, std::string* error) const {
  std::ifstream in(path_, std::ios::binary);
  if (!in) {
    *error = "cannot read the JWKS file " + path_;
    return false;
  }
  std::string text;
  text.resize(kMaxJwksBytes + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  KeySet set;
  if (!read_jwks(text, &set, error)) {
    *error = path_ + ": " + *error;
    return false;
  }
  *out = std::make_shared<const KeySet>(std::move(set));
  return true;
}

bool JwksFile::load(std::string* error) {
  std::lock_guard<std::mutex> lock(mu_);
  Stamp now;
  if (!stamp(&now)) {
    *error = "cannot read the JWKS file " + path_;
    return false;
  }
  if (!read(&keys_, error)) return false;
  seen_ = now;
  return true;
}

std::shared_ptr<const KeySet> JwksFile::current(std::string* refused) {
  std::lock_guard<std::mutex> lock(mu_);
  Stamp now;
  // A file that vanished keeps the keys in force (a rename-into-place
  // replacement is seen on the next call); one that changed is read again.
  if (stamp(&now) && !(now == seen_)) {
    seen_ = now;
    std::shared_ptr<const KeySet> next;
    std::string why;
    if (read(&next, &why))
      keys_ = std::move(next);
    else if (refused)
      *refused = why;
  }
  return keys_;
}

}  // namespace agentpol::gateway::auth
