// tables.h — private to compiler/codegen: the bundle's schema and inventory
// tables (enums, records, entity types, context, actions, agents, namespace,
// source hash) copied from a CheckedPolicy through the IR's slot layout.
#pragma once

#include <agentpol/bundle_image.h>

#include "ir/layout.h"
#include "sema/checked_policy.h"

namespace agentpol::codegen {

void fillTables(const sema::CheckedPolicy& policy, const ir::Layout& layout, BundleImage& image);

}  // namespace agentpol::codegen
