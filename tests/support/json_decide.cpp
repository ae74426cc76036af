// json_decide.cpp — request JSON through the request reader and the VM (see
// json_decide.h).
#include "json_decide.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "request/request_reader.h"

namespace agentpol::test {

bool readJsonRequest(std::shared_ptr<const Bundle> bundle, const nlohmann::json& request, Request& out,
                     std::string& error) {
  request::RequestReader reader(std::move(bundle));
  return reader.read(request.dump(), out, &error) == request::ReadStatus::Ok;
}

JsonDecision decideJson(std::shared_ptr<const Bundle> bundle, const nlohmann::json& request) {
  Request req(bundle);
  std::string error;
  if (!readJsonRequest(bundle, request, req, error)) throw std::runtime_error("unreadable request: " + error);
  Result res = decide(*bundle, req);
  JsonDecision out{to_string(res.decision), to_string(res.reason), std::string(res.message), {}};
  for (size_t i = 0; i < res.rule_count; ++i) out.rules.emplace_back(res.rule_id(i));
  std::sort(out.rules.begin(), out.rules.end());
  return out;
}

}  // namespace agentpol::test
