// request_schema.cpp — builds the field trees of a RequestSchema from the
// bundle's flattened slot tables (splitting dotted names into record nodes),
// and each level's hash table of names.
#include "request/request_schema.h"

#include "request/value_view.h"  // sameName

namespace agentpol::request {
namespace {

// Adds slot `path` (a dotted name) under `set`, creating record nodes.
void insert(FieldSet& set, std::string_view path, const FieldHandle& handle) {
  std::vector<FieldNode>* level = &set.fields.nodes;
  for (;;) {
    size_t dot = path.find('.');
    std::string_view head = path.substr(0, dot);
    FieldNode* node = nullptr;
    for (FieldNode& n : *level)
      if (n.name == head) node = &n;
    if (!node) {
      level->push_back(FieldNode{std::string(head), FieldHandle{}, {}, false});
      node = &level->back();
    }
    if (dot == std::string_view::npos) {
      node->handle = handle;
      node->required = !handle.optional;
      return;
    }
    if (!handle.optional) node->required = true;
    level = &node->children.nodes;
    path.remove_prefix(dot + 1);
  }
}

// The hash of a key: its length and its first, middle and last bytes
// (request keys are short and differ early or late), mixed.
size_t keyHash(std::string_view k) {
  if (k.empty()) return 0;
  auto b = [&](size_t i) { return static_cast<size_t>(static_cast<unsigned char>(k[i])); };
  size_t h = k.size() * 0x9E3779B1u ^ b(0) * 0x85EBCA77u ^ b(k.size() / 2) * 0xC2B2AE3Du ^ b(k.size() - 1) * 0x27D4EB2Fu;
  return h ^ (h >> 15);
}

}  // namespace

size_t FieldTable::find(std::string_view name) const {
  if (slots.empty()) return kNotFound;
  size_t mask = slots.size() - 1;
  for (size_t i = keyHash(name) & mask;; i = (i + 1) & mask) {
    uint32_t s = slots[i];
    if (s == 0) return kNotFound;
    if (sameName(nodes[s - 1u].name, name)) return s - 1u;
  }
}

void FieldTable::index() {
  slots.clear();
  if (nodes.empty()) return;
  size_t n = 4;
  while (n < 2 * nodes.size()) n *= 2;  // at most half full: an absent key ends at an empty slot soon
  slots.assign(n, 0);
  for (size_t k = 0; k < nodes.size(); ++k) {
    size_t i = keyHash(nodes[k].name) & (n - 1);
    while (slots[i] != 0) i = (i + 1) & (n - 1);
    slots[i] = static_cast<uint32_t>(k + 1);
    nodes[k].children.index();
  }
}

const FieldNode* FieldSet::find(std::string_view name) const {
  size_t i = fields.find(name);
  return i == FieldTable::kNotFound ? nullptr : &fields[i];
}

RequestSchema::RequestSchema(std::shared_ptr<const Bundle> bundle) : bundle_(std::move(bundle)) {
  const Bundle& b = *bundle_;
  const BundleImage& im = b.image();
  context_.what = "context field";
  for (const SlotImage& s : im.context) insert(context_, s.name, b.context_field(s.name));
  context_.fields.index();
  for (uint32_t a = 0; a < im.actions.size(); ++a) {
    actions_.emplace_back();
    actions_.back().what = "argument of `" + im.actions[a].name + "`";
    for (const SlotImage& s : im.actions[a].params) insert(actions_.back(), s.name, b.action_field(ActionHandle{a}, s.name));
    for (const SlotImage& s : im.actions[a].args) insert(actions_.back(), s.name, b.action_field(ActionHandle{a}, s.name));
    actions_.back().fields.index();
  }
  for (uint32_t t = 0; t < im.entity_types.size(); ++t) {
    entityTypes_.emplace_back();
    entityTypes_.back().what = "attribute of " + im.entity_types[t].name;
    for (const SlotImage& s : im.entity_types[t].attrs)
      insert(entityTypes_.back(), s.name, b.attribute(EntityTypeHandle{t}, s.name));
    entityTypes_.back().fields.index();
  }
}

std::string describeType(Type t, const BundleImage& image) {
  if (!t.is_set() && t.kind() == Kind::Money) return "Money in " + t.currency();
  return type_name(t, image);
}

}  // namespace agentpol::request
