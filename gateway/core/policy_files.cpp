// policy_files.cpp — PolicyFiles: stat per call (cheap), read the changed
// file into a copy of the inputs in force, check the context and entities
// against the enforced bundle with a trial request, and only then install
// new Deciders; on any failure the inputs in force stay.
#include "core/policy_files.h"

#include <agentpol/bundle.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace agentpol::gateway {
namespace {

// A change is read once it is this old (a file still being written is not).
constexpr int64_t kSettleMs = 1000;

bool bundle_from(const std::string& text, std::shared_ptr<const Bundle>* out, std::string* error) {
  LoadResult r = load_bundle(reinterpret_cast<const uint8_t*>(text.data()), text.size());
  if (!r) {
    *error = "not a valid bundle: " + r.error;
    return false;
  }
  *out = r.bundle;
  return true;
}

// The compact text of a JSON file that must be an array (entities) or an object (context).
bool json_from(const std::string& text, bool want_array, std::string* out, std::string* error) {
  json doc;
  if (!parse_strict(text, &doc, error)) {
    *error = "not JSON: " + *error;
    return false;
  }
  if (want_array ? !doc.is_array() : !doc.is_object()) {
    *error = want_array ? "expected a JSON array of entities" : "expected a JSON object (the context)";
    return false;
  }
  *out = canonical(doc);
  return true;
}

int64_t millis(const timespec& t) { return int64_t(t.tv_sec) * 1000 + t.tv_nsec / 1000000; }

}  // namespace

bool read_file(const std::string& path, std::string* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read " + path + ": " + std::strerror(errno);
    return false;
  }
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

FileStamp stamp_of(const std::string& path) {
  struct stat st;
  FileStamp f;
  if (::stat(path.c_str(), &st) != 0) return f;
  f.exists = true;
  f.dev = st.st_dev;
  f.ino = st.st_ino;
  f.size = static_cast<uint64_t>(st.st_size);
  f.changed_ms = std::max(millis(st.st_mtim), millis(st.st_ctim));
  return f;
}

PolicyFiles::PolicyFiles(PolicyPaths paths, Caller caller) : caller_(std::move(caller)) {
  const std::pair<Input, std::string*> all[] = {{Input::Context, &paths.context},
                                                {Input::Entities, &paths.entities},
                                                {Input::Bundle, &paths.bundle},
                                                {Input::Shadow, &paths.shadow_bundle}};
  for (const auto& [input, path] : all)
    if (!path->empty()) watched_.push_back(Watched{input, *path, {}, {}});
}

bool PolicyFiles::load(int64_t now_ms, std::vector<ReloadEvent>* events, std::string* error) {
  Inputs next;
  for (Watched& w : watched_) {
    w.in_force = w.last_seen = stamp_of(w.path);
    if (!read_input(w, &next, error)) {
      *error = w.path + ": " + *error;
      return false;
    }
  }
  if (!install(next, now_ms, error)) return false;
  for (const Watched& w : watched_) events->push_back(event_for(w, true, ""));
  return true;
}

bool PolicyFiles::read_input(const Watched& w, Inputs* into, std::string* error) const {
  std::string text;
  if (!read_file(w.path, &text, error)) return false;
  switch (w.input) {
    case Input::Bundle: return bundle_from(text, &into->bundle, error);
    case Input::Shadow: return bundle_from(text, &into->shadow, error);
    case Input::Entities: return json_from(text, true, &into->entities, error);
    case Input::Context: return json_from(text, false, &into->context, error);
  }
  return false;
}

bool PolicyFiles::install(const Inputs& next, int64_t now_ms, std::string* error) {
  auto enforced = std::make_unique<Decider>(next.bundle, next.context, next.entities);
  std::string misfit = enforced->check_inputs(caller_, now_ms / 1000);
  if (!misfit.empty()) {
    *error = "the context and entities do not fit the bundle: " + misfit;
    return false;
  }
  enforced_ = std::move(enforced);
  shadow_ = next.shadow ? std::make_unique<Decider>(next.shadow, next.context, next.entities) : nullptr;
  current_ = next;
  return true;
}

void PolicyFiles::refresh(int64_t now_ms, std::vector<ReloadEvent>* events) {
  for (Watched& w : watched_) {
    FileStamp s = stamp_of(w.path);
    if (s == w.in_force || s == w.last_seen) continue;
    if (s.exists && now_ms - s.changed_ms < kSettleMs) continue;  // too fresh: maybe half-written
    reload(w, s, now_ms, events);
  }
}

void PolicyFiles::reload(Watched& w, const FileStamp& s, int64_t now_ms, std::vector<ReloadEvent>* events) {
  w.last_seen = s;
  Inputs next = current_;
  std::string error;
  bool ok = read_input(w, &next, &error) && install(next, now_ms, &error);
  if (ok) w.in_force = s;
  events->push_back(event_for(w, ok, error));
}

ReloadEvent PolicyFiles::event_for(const Watched& w, bool loaded, const std::string& error) const {
  ReloadEvent e;
  bool bundle = w.input == Input::Bundle || w.input == Input::Shadow;
  std::string what = bundle ? "bundle" : w.input == Input::Entities ? "entities" : "context";
  e.event = what + (loaded ? "_loaded" : "_refused");
  if (bundle) e.role = w.input == Input::Bundle ? "enforced" : "shadow";
  e.file = w.path;
  e.error = error;
  const Decider* d = w.input == Input::Shadow && shadow_ ? shadow_.get() : enforced_.get();
  e.bundle = d->hash();
  return e;
}

}  // namespace agentpol::gateway
