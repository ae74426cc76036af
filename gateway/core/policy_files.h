// policy_files.h — the files a gateway decides with (--bundle, --shadow-bundle,
// --entities, --context), loaded at start and read again when they change:
// a change is taken before the first call that starts at least 1 s after it
// (so a file still being written is not read half-done); a new file that
// does not load, or does not fit the bundle, is refused and the old stays.
#pragma once

#include "core/audit_log.h"
#include "core/decider.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace agentpol::gateway {

struct PolicyPaths {
  std::string bundle, shadow_bundle, entities, context;  // empty: not given
};

// What identifies one version of a file on disk.
struct FileStamp {
  bool exists = false;
  uint64_t dev = 0, ino = 0, size = 0;
  int64_t changed_ms = 0;  // the later of mtime and ctime
  bool operator==(const FileStamp& o) const {
    return exists == o.exists && dev == o.dev && ino == o.ino && size == o.size && changed_ms == o.changed_ms;
  }
  bool operator!=(const FileStamp& o) const { return !(*this == o); }
};

class PolicyFiles {
 public:
  PolicyFiles(PolicyPaths paths, Caller caller);

  // Loads every file (one "…_loaded" event each); false with *error
  // (naming the file) on the first failure.
  bool load(int64_t now_ms, std::vector<ReloadEvent>* events, std::string* error);
  // Takes every change old enough; appends one event per load or refusal.
  void refresh(int64_t now_ms, std::vector<ReloadEvent>* events);

  Decider& enforced() { return *enforced_; }
  Decider* shadow() { return shadow_.get(); }

 private:
  enum class Input { Bundle, Shadow, Entities, Context };
  // One version of every input.
  struct Inputs {
    std::shared_ptr<const Bundle> bundle, shadow;
    std::string context, entities;  // compact JSON, or empty
  };
  struct Watched {
    Input input;
    std::string path;
    FileStamp in_force, last_seen;  // last_seen: a refused version is reported once
  };
  bool read_input(const Watched& w, Inputs* into, std::string* error) const;
  bool install(const Inputs& next, int64_t now_ms, std::string* error);
  void reload(Watched& w, const FileStamp& now_stamp, int64_t now_ms, std::vector<ReloadEvent>* events);
  ReloadEvent event_for(const Watched& w, bool loaded, const std::string& error) const;

  Caller caller_;
  std::vector<Watched> watched_;
  Inputs current_;
  std::unique_ptr<Decider> enforced_, shadow_;
};

// Reads a whole file; false with *error on failure.
bool read_file(const std::string& path, std::string* out, std::string* error);
FileStamp stamp_of(const std::string& path);

}  // namespace agentpol::gateway
