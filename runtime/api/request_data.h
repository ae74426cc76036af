// request_data.h — the storage behind a Request: request values laid out in
// the bundle's slots (context, action params/args, entity attributes), the
// entity table, the arena, the first schema error, and the per-request
// decision scratch (rule hits, cached engine snapshot).
#pragma once
#include "api/arena.h"
#include "vm/interp.h"

#include <agentpol/bundle.h>

#include <memory>
#include <string>
#include <vector>

namespace agentpol {
namespace detail {

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
// Compares a pending second attribute definition of `row` with the first.
void close_shadow(RequestData& d, EntityRow& row);

std::string_view as_view(const Val& v);

}  // namespace detail
}  // namespace agentpol
