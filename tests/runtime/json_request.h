// json_request.h — test-only: fills a Request from the request JSON of spec
// section 8 by resolving every name against the bundle schema (what a CLI
// front end does). Malformed values are recorded with Request::fail.
#pragma once
#include <agentpol/request.h>

#include <nlohmann/json.hpp>

namespace agentpol::test {

void fill_request(Request& req, const nlohmann::json& j);

// "2026-11-28T14:03:00Z" or "2026-10-01" -> epoch seconds; false if malformed.
bool parse_time(const std::string& s, int64_t* out);

}  // namespace agentpol::test
