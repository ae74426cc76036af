// id_space.h — the JSON-RPC ids the gateway keeps apart. Requests from the
// client keep their ids (the gateway sends the server none of its own yet);
// every request the client receives carries an id the gateway chose: a
// server request's id is swapped for the next gateway number on the way to
// the client and swapped back on its response, and requests the gateway
// itself sends the client (elicitation, section 12) draw from the same
// counter. So no id the client sees can collide, whatever the peers pick.
#pragma once

#include "core/strict_json.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

namespace agentpol::gateway {

class ServerIdMap {
 public:
  // The id to show the client for a server request with id `original`.
  int64_t to_client(const json& original);
  // The server's id for a client response to gateway id `id`, forgotten then.
  std::optional<json> to_server(const json& id);
  // The gateway id standing for server id `original`, if one is in flight.
  std::optional<int64_t> find(const json& original) const;
  // A fresh id for a request of the gateway's own.
  int64_t next() { return ++last_; }
  size_t in_flight() const { return by_gateway_.size(); }
  void clear();

 private:
  int64_t last_ = 0;
  std::unordered_map<int64_t, json> by_gateway_;
  std::unordered_map<std::string, int64_t> by_server_;  // canonical server id
};

}  // namespace agentpol::gateway
