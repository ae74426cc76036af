// strict_json.cpp — parse_strict(): nlohmann's DOM parser with a callback
// that keeps one list of seen keys per open object and throws on a duplicate
// key or on nesting past the bound (the throw stops the parse at once).
#include "core/strict_json.h"

#include <unordered_set>
#include <vector>

namespace agentpol::gateway {
namespace {

struct Refused {
  std::string why;
};

class KeyCheck {
 public:
  bool operator()(int depth, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
        if (depth >= kMaxJsonDepth) throw Refused{"nesting deeper than 128 levels"};
        keys_.emplace_back();
        break;
      case json::parse_event_t::array_start:
        if (depth >= kMaxJsonDepth) throw Refused{"nesting deeper than 128 levels"};
        break;
      case json::parse_event_t::object_end:
        keys_.pop_back();
        break;
      case json::parse_event_t::key: seen(parsed.get_ref<const std::string&>()); break;
      default: break;
    }
    return true;
  }

 private:
  void seen(const std::string& key) {
    if (!keys_.back().insert(key).second)
      throw Refused{"key \"" + key.substr(0, 60) + "\" given twice in one object"};
  }
  std::vector<std::unordered_set<std::string>> keys_;
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

}  // namespace agentpol::gateway
