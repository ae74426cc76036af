// strict_json.cpp — parse_strict(): nlohmann's DOM parser with a callback
// that tracks the keys of each open object and throws on a duplicate key or
// on nesting past the bound (the throw stops the parse at once); canonical
// text and string output.
#include "core/strict_json.h"

#include <agentpol/audit.h>

#include <algorithm>
#include <unordered_set>
#include <vector>

namespace agentpol::gateway {
namespace {

struct Refused {
  std::string why;
};

// The keys of every open object live in one flat list (a stack of
// ranges): an object's few keys are compared in place, and only an object
// with many keys gets a hash set, so a message with 100 000 keys stays
// linear and a small one allocates next to nothing.
class KeyCheck {
 public:
  bool operator()(int depth, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
        if (depth >= kMaxJsonDepth) throw Refused{"nesting deeper than 128 levels"};
        open_.push_back(Open{keys_.size(), {}});
        break;
      case json::parse_event_t::array_start:
        if (depth >= kMaxJsonDepth) throw Refused{"nesting deeper than 128 levels"};
        break;
      case json::parse_event_t::object_end:
        keys_.resize(open_.back().first);
        open_.pop_back();
        break;
      case json::parse_event_t::key: seen(parsed.get_ref<const std::string&>()); break;
      default: break;
    }
    return true;
  }

 private:
  static constexpr size_t kScanUpTo = 16;  // keys compared in place before hashing
  struct Open {
    size_t first;                           // the object's first key in keys_
    std::unordered_set<std::string> many;   // all its keys, once it has more than kScanUpTo
  };
  void seen(const std::string& key) {
    Open& o = open_.back();
    size_t n = keys_.size() - o.first;
    bool repeated;
    if (n < kScanUpTo) {
      repeated = std::find(keys_.begin() + static_cast<std::ptrdiff_t>(o.first), keys_.end(), key) != keys_.end();
      keys_.push_back(key);
    } else {
      if (o.many.empty()) o.many.insert(keys_.begin() + static_cast<std::ptrdiff_t>(o.first), keys_.end());
      repeated = !o.many.insert(key).second;
    }
    if (repeated) throw Refused{"key \"" + key.substr(0, 60) + "\" given twice in one object"};
  }
  std::vector<std::string> keys_;
  std::vector<Open> open_;
};

}  // namespace

bool parse_strict(std::string_view text, json* out, std::string* error) {
  KeyCheck check;
  try {
    *out = json::parse(text.begin(), text.end(), std::ref(check), true, false);
    return true;
  } catch (const Refused& r) {
    *error = r.why;
  } catch (const json::exception& e) {
    *error = e.what();
  }
  return false;
}

std::string canonical(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

void append_json_text(std::string_view s, std::string* out) {
  for (unsigned char c : s) {
    if (c >= 0x80) {
      out->append(canonical(json(std::string(s))));
      return;
    }
  }
  append_json_string(s, out);
}

}  // namespace agentpol::gateway
