// request_schema.cpp — builds the field trees of a RequestSchema from the
// bundle's flattened slot tables (splitting dotted names into record nodes).
#include "request/request_schema.h"

namespace agentpol::request {
namespace {

// Adds slot `path` (a dotted name) under `set`, creating record nodes.
void insert(FieldSet& set, std::string_view path, const FieldHandle& handle) {
  std::vector<FieldNode>* level = &set.fields;
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
    level = &node->children;
    path.remove_prefix(dot + 1);
  }
}

}  // namespace

const FieldNode* FieldSet::find(std::string_view name) const {
  for (const FieldNode& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

RequestSchema::RequestSchema(std::shared_ptr<const Bundle> bundle) : bundle_(std::move(bundle)) {
  const Bundle& b = *bundle_;
  const BundleImage& im = b.image();
  context_.what = "context field";
  for (const SlotImage& s : im.context) insert(context_, s.name, b.context_field(s.name));
  for (uint32_t a = 0; a < im.actions.size(); ++a) {
    actions_.emplace_back();
    actions_.back().what = "argument of `" + im.actions[a].name + "`";
    for (const SlotImage& s : im.actions[a].params) insert(actions_.back(), s.name, b.action_field(ActionHandle{a}, s.name));
    for (const SlotImage& s : im.actions[a].args) insert(actions_.back(), s.name, b.action_field(ActionHandle{a}, s.name));
  }
  for (uint32_t t = 0; t < im.entity_types.size(); ++t) {
    entityTypes_.emplace_back();
    entityTypes_.back().what = "attribute of " + im.entity_types[t].name;
    for (const SlotImage& s : im.entity_types[t].attrs)
      insert(entityTypes_.back(), s.name, b.attribute(EntityTypeHandle{t}, s.name));
  }
}

std::string describeType(Type t, const BundleImage& image) {
  if (!t.is_set() && t.kind() == Kind::Money) return "Money in " + t.currency();
  return type_name(t, image);
}

}  // namespace agentpol::request
