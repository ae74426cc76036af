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

// The readable id of the n-th (from 1) entity of a type in a counterexample:
// the type's name in lower case, words split by '-', then n ("order-1",
// "change-request-2"). Ids the solver is free to pick are preferred from
// these (Prover), and entities no formula reaches get the next ones.
std::string readableEntityId(const std::string& typeName, size_t n);

// Value spellings of spec 8 (shared with concrete_request.cpp).
std::string formatTime(int64_t epochSeconds);
std::string formatMoney(int64_t minor, const std::string& currency);
std::string formatDuration(int64_t seconds);

}  // namespace agentpol::verify
