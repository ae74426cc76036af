// request_data.h — the storage behind a Request: request values laid out in
// the bundle's slots (context, action params/args, entity attributes), the
// entity table, the attribute definitions still being written, the arena,
// the first schema error, and the per-request decision scratch (rule hits,
// cached engine snapshot).
#pragma once
#include "api/arena.h"
#include "vm/interp.h"

#include <agentpol/bundle.h>

#include <memory>
#include <string>
#include <vector>

namespace agentpol {
namespace detail {

// An attribute definition being written (begin_attrs .. end_attrs): the
// entity and its block of slots in attrs/attrs_has.
struct OpenAttrs {
  int32_t entity;
  uint32_t block;
};

struct RequestData {
  std::shared_ptr<const Bundle> schema;
  const BundleData* sd = nullptr;

  int64_t now = 0;
  bool has_now = false;
  int32_t agent = -1, user = -1;  // entity indices
  uint32_t agent_index = kNone;   // in the schema bundle's inventory
  uint32_t action = kNone;
  std::vector<Val> params, args, ctx, attrs;
  std::vector<uint8_t> params_has, args_has, ctx_has, attrs_has;
  std::vector<EntityRow> ents;
  std::vector<OpenAttrs> open;  // nest (an entity inside its own attributes)
  Arena arena;
  std::string error;
  bool failed = false;

  std::vector<uint32_t> hits;           // matching rules of the last decision
  const void* engine = nullptr;         // Engine whose snapshot is cached
  uint64_t generation = 0;
  std::shared_ptr<const void> snapshot;  // Engine::State
};

// Checks completeness (now, agent, action, required slots, duplicate entity
// definitions); records the first problem in d.error. Called by decide().
bool seal_request(RequestData& d);
// The block of the latest open attribute definition of entity `e`, or kNone.
uint32_t open_block(const RequestData& d, int32_t e);
// Ends the latest open attribute definition of entity `e`: the first one to
// end becomes the entity's attributes, each later one is compared with it.
void end_definition(RequestData& d, int32_t e);

std::string_view as_view(const Val& v);

// The VM's view of a sealed request decided with bundle `b` (vm/interp.h).
inline Env make_env(const BundleData& b, const RequestData& r) {
  return Env{b.consts.data(), b.patterns.data(), b.segments.data(), r.now, r.agent, r.user,
             r.ctx.data(), r.ctx_has.data(), r.params.data(), r.args.data(), r.args_has.data(),
             r.ents.data(), r.attrs.data(), r.attrs_has.data()};
}

}  // namespace detail
}  // namespace agentpol
