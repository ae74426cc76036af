// emit.h — private to compiler/codegen: IR condition -> one code block through
// the runtime's CodeWriter, with the bundle's constant and pattern pools
// (deduplicated) and the block's stack and scratch needs, checked against
// the runtime's limits (kMaxStack, kMaxScratch) before the loader sees it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <agentpol/bundle_image.h>

#include "ir/ir.h"

namespace agentpol::codegen {

// Constants and patterns of the bundle being built, each stored once.
struct Pools {
  BundleImage& image;
  uint32_t constant(const ConstImage& k);
  uint32_t pattern(const std::vector<std::string>& segments);
};

struct EmittedBlock {
  CodeImage code;
  uint32_t maxStack = 0;
  uint32_t scratch = 0;
  // Empty, or why the block exceeds a runtime limit.
  std::string limitError;
  // Where each part of `parts` is computed (ascending parts; a part folded
  // to a constant has its value, a part dropped by folding is left out).
  std::vector<PartCode> partCodes;
};

// `parts`: the rule body's condition parts (ir::RuleBody::parts), found on
// the spine of `cond` (its top-level `and`s and the `not` of `unless`).
EmittedBlock emitBlock(const ir::NodeRef& cond, Pools& pools, const std::vector<ir::PartNode>& parts = {});

}  // namespace agentpol::codegen
