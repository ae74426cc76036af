// id_space.cpp — ServerIdMap: two maps, gateway number <-> server id.
#include "core/id_space.h"

namespace agentpol::gateway {

int64_t ServerIdMap::to_client(const json& original) {
  int64_t id = next();
  by_gateway_[id] = original;
  by_server_[canonical(original)] = id;
  return id;
}

std::optional<json> ServerIdMap::to_server(const json& id) {
  if (!id.is_number_integer()) return std::nullopt;
  auto it = by_gateway_.find(id.get<int64_t>());
  if (it == by_gateway_.end()) return std::nullopt;
  json original = std::move(it->second);
  by_gateway_.erase(it);
  by_server_.erase(canonical(original));
  return original;
}

std::optional<int64_t> ServerIdMap::find(const json& original) const {
  auto it = by_server_.find(canonical(original));
  if (it == by_server_.end()) return std::nullopt;
  return it->second;
}

void ServerIdMap::clear() {
  by_gateway_.clear();
  by_server_.clear();
}

}  // namespace agentpol::gateway
