// tables.cpp — schema and inventory tables of the bundle. Records keep their
// unflattened fields (for tools); entities, the context and action arguments
// get the flattened slots of ir::Layout.
#include "codegen/tables.h"

#include <algorithm>

namespace agentpol::codegen {
namespace {

std::vector<SlotImage> plainFields(const std::vector<sema::Field>& fields, const ir::Layout& layout) {
  std::vector<SlotImage> out;
  for (const sema::Field& f : fields) out.push_back(SlotImage{f.name, ir::runtimeType(f.type, layout), f.optional});
  return out;
}

AgentImage agentImage(const sema::AgentInfo& a) {
  AgentImage out;
  out.name = a.name;
  out.owner = a.owner;
  out.purpose = a.purpose;
  out.reviewed = a.reviewed;
  out.expires = a.expires;
  out.has_scope = a.hasScope;
  out.may = a.may;
  std::sort(out.may.begin(), out.may.end());
  out.may.erase(std::unique(out.may.begin(), out.may.end()), out.may.end());
  return out;
}

}  // namespace

void fillTables(const sema::CheckedPolicy& policy, const ir::Layout& layout, BundleImage& image) {
  const sema::Schema& s = policy.schema;
  image.source_hash = policy.sourceHash;
  image.ns = policy.namespaceName;
  for (const sema::EnumInfo& e : s.enums) image.enums.push_back(EnumImage{e.type->name(), e.values});
  for (uint32_t i = 0; i < s.records.size(); ++i)
    if (layout.recordImage[i] != ir::kNoIndex)
      image.records.push_back(RecordImage{s.records[i].type->name(), plainFields(s.records[i].fields, layout)});
  for (uint32_t i = 0; i < s.entities.size(); ++i)
    image.entity_types.push_back(EntityTypeImage{s.entities[i].name, layout.entities[i].slots});
  image.agent_type = s.agentEntity;
  image.user_type = s.userEntity;
  image.context = layout.context().slots;
  for (uint32_t i = 0; i < s.actions.size(); ++i)
    image.actions.push_back(ActionImage{s.actions[i].name, plainFields(s.actions[i].params, layout),
                                        layout.args[i].slots, s.actions[i].tool});
  for (const sema::AgentInfo& a : s.agents) image.agents.push_back(agentImage(a));
}

}  // namespace agentpol::codegen
