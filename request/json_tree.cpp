// json_tree.cpp — JsonTree::parse: the fast path first, the careful path for
// whatever it refuses (see json_tree.h); lookups of object members.
#include "request/json_tree.h"

namespace agentpol::request {

bool JsonTree::parse(std::string_view text, std::string* error) {
  if (text.size() >= 0xffffffffu) {
    *error = "input larger than 4 GiB";
    return false;
  }
  return parseFast(text) || parseCarefully(text, error);
}

uint32_t JsonTree::find(uint32_t obj, std::string_view name) const {
  if (nodes_[obj].kind != JsonKind::Object) return kNoNode;
  for (uint32_t c = obj + 1; c < nodes_[obj].end; c = nodes_[c].end)
    if (nodes_[c].keyLen == name.size() && key(nodes_[c]) == name) return c;
  return kNoNode;
}

bool JsonTree::equal(const JsonTree& o) const {
  if (size() != o.size()) return false;
  for (uint32_t i = 0; i < size(); ++i) {
    const JsonNode &a = nodes_[i], &b = o.nodes_[i];
    if (a.kind != b.kind || a.boolean != b.boolean || a.end != b.end || a.count != b.count || a.i != b.i ||
        a.u != b.u || key(a) != o.key(b) || str(a) != o.str(b))
      return false;
  }
  return true;
}

}  // namespace agentpol::request
