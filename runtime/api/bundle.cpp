// bundle.cpp — Bundle's accessors and name lookups (resolve once, then use
// handles), and type_name() for messages and the disassembler.
#include "loader/bundle_data.h"

#include <agentpol/bundle.h>

namespace agentpol {

Bundle::Bundle(std::unique_ptr<detail::BundleData> d) : d_(std::move(d)) {}
Bundle::~Bundle() = default;

const BundleImage& Bundle::image() const { return d_->image; }
const std::array<uint8_t, 32>& Bundle::source_hash() const { return d_->image.source_hash; }
uint64_t Bundle::checksum() const { return d_->checksum; }
uint64_t Bundle::schema_hash() const { return d_->schema_hash; }

ActionHandle Bundle::action(std::string_view name) const {
  return ActionHandle{detail::find_name(d_->action_names, name)};
}
ActionHandle Bundle::action_for_tool(std::string_view tool) const {
  return ActionHandle{detail::find_name(d_->tool_names, tool)};
}
AgentHandle Bundle::agent(std::string_view name) const {
  auto it = d_->agent_map.find(name);
  return AgentHandle{it == d_->agent_map.end() ? kNone : it->second};
}
EntityTypeHandle Bundle::entity_type(std::string_view name) const {
  return EntityTypeHandle{detail::find_name(d_->type_names, name)};
}

namespace {

FieldHandle find_slot(const std::vector<SlotImage>& slots, std::string_view name, FieldKind kind, uint32_t owner) {
  for (size_t i = 0; i < slots.size(); ++i) {
    if (slots[i].name != name) continue;
    return FieldHandle{kind, owner, static_cast<uint32_t>(i), slots[i].type, slots[i].optional};
  }
  return FieldHandle{};
}

}  // namespace

FieldHandle Bundle::action_field(ActionHandle action, std::string_view name) const {
  if (action.index >= d_->image.actions.size()) return {};
  const ActionImage& a = d_->image.actions[action.index];
  FieldHandle f = find_slot(a.params, name, FieldKind::Param, action.index);
  return f.valid() ? f : find_slot(a.args, name, FieldKind::Arg, action.index);
}

FieldHandle Bundle::context_field(std::string_view path) const {
  return find_slot(d_->image.context, path, FieldKind::Context, kNone);
}

FieldHandle Bundle::attribute(EntityTypeHandle type, std::string_view name) const {
  if (type.index >= d_->image.entity_types.size()) return {};
  return find_slot(d_->image.entity_types[type.index].attrs, name, FieldKind::Attr, type.index);
}

uint32_t Bundle::enum_value(uint32_t enum_index, std::string_view name) const {
  if (enum_index >= d_->image.enums.size()) return kNone;
  const auto& values = d_->image.enums[enum_index].values;
  for (size_t i = 0; i < values.size(); ++i)
    if (values[i] == name) return static_cast<uint32_t>(i);
  return kNone;
}

std::string_view Bundle::rule_id(uint32_t index) const {
  return index < d_->image.rules.size() ? std::string_view(d_->image.rules[index].id) : std::string_view();
}

std::string type_name(Type t, const BundleImage& im) {
  if (t.is_set()) return "Set<" + type_name(t.element(), im) + ">";
  uint32_t p = t.param();
  switch (t.kind()) {
    case Kind::Bool: return "Bool";
    case Kind::Int: return "Int";
    case Kind::String: return "String";
    case Kind::Money: return "Money<" + t.currency() + ">";
    case Kind::Duration: return "Duration";
    case Kind::Time: return "Time";
    case Kind::Enum: return p < im.enums.size() ? im.enums[p].name : "enum#" + std::to_string(p);
    case Kind::Entity: return p < im.entity_types.size() ? im.entity_types[p].name : "entity#" + std::to_string(p);
    case Kind::Record: return p < im.records.size() ? im.records[p].name : "record#" + std::to_string(p);
  }
  return "type#" + std::to_string(t.code);
}

}  // namespace agentpol
