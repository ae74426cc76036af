// counterexample.h — renders a model of an ActionModel's request as the
// request JSON of spec section 8 (`agentpolc eval` reads it back): `now`,
// `agent` (with attrs when supplied), `user` or null, `action`, `args`,
// `context`. Entities with supplied attributes carry them inline the first
// time they appear and are references afterwards; entities no formula term
// reaches are fresh reference-only ids. Entry point: renderRequest.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "verify/action_model.h"

namespace agentpol::verify {

struct RenderedRequest {
  nlohmann::json request;
  bool exact = true;     // every value could be written faithfully
  std::string problem;   // when not exact: what could not
};

RenderedRequest renderRequest(RequestEncoding& req, const z3::model& m);

// Value spellings of spec 8 (shared with concrete_request.cpp).
std::string formatTime(int64_t epochSeconds);
std::string formatMoney(int64_t minor, const std::string& currency);
std::string formatDuration(int64_t seconds);

}  // namespace agentpol::verify
