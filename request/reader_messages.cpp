// reader_messages.cpp — the view-independent text of the reader's messages:
// the JSON path, a string value cut for a message, an unknown enum value.
#include <agentpol/audit.h>  // append_json_string

#include "request/reader_core.h"

namespace agentpol::request::detail {

std::string renderPath(const Path* p) {
  std::vector<const Path*> steps;
  for (; p; p = p->up) steps.push_back(p);
  std::string out;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    if ((*it)->index != kMember) {
      out += "[" + std::to_string((*it)->index) + "]";
      continue;
    }
    if (!out.empty()) out += '.';
    out += (*it)->key;
  }
  return out;
}

std::string describeString(std::string_view s) {
  size_t cut = s.size() > 60 ? 60 : s.size();
  while (cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // a UTF-8 boundary
  std::string out;
  append_json_string(s.substr(0, cut), &out);
  if (cut < s.size()) out.insert(out.size() - 1, "…");
  return out;
}

std::string unknownEnumValue(const EnumImage& e, const std::string& described) {
  std::string names;
  for (const std::string& v : e.values) names += (names.empty() ? "" : ", ") + v;
  return "unknown " + e.name + " value " + described + " (expected one of " + names + ")";
}

}  // namespace agentpol::request::detail
