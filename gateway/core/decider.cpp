// decider.cpp — Decider: tool -> action, arguments converted, the request
// text read by the one reader and decided by the runtime (revocation as the
// runtime's kill-switch flag, so a bad request still reports bad_request).
#include "core/decider.h"

namespace agentpol::gateway {

Verdict bad_request(std::string message) {
  Verdict v;
  v.message = std::move(message);
  return v;
}

std::string bundle_hash(const Bundle& bundle) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : bundle.source_hash()) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

Decider::Decider(std::shared_ptr<const Bundle> bundle, std::string context, std::string entities)
    : bundle_(bundle), reader_(bundle), request_(bundle), context_(std::move(context)),
      entities_(std::move(entities)), hash_(bundle_hash(*bundle)) {}

Verdict Decider::decide(const Caller& caller, int64_t now, std::string_view tool, const json& arguments,
                        bool revoked) {
  ActionHandle action = bundle_->action_for_tool(tool);
  if (!action.valid())
    return bad_request("tool \"" + std::string(tool) + "\" maps to no action of the policy");
  const ActionImage& image = bundle_->image().actions[action.index];
  json args = convert_arguments(image, arguments);
  return run(request_json(caller, now, image.name, args, {context_, entities_}), revoked, image.name);
}

std::string Decider::check_inputs(const Caller& caller, int64_t now) {
  const BundleImage& image = bundle_->image();
  if (image.actions.empty()) return "";  // no request can be built: nothing to check against
  const ActionImage& action = image.actions.front();
  json args = placeholder_arguments(image, action);
  Verdict v = run(request_json(caller, now, action.name, args, {context_, entities_}), false, action.name);
  return v.reason == Reason::BadRequest ? v.message : "";
}

Verdict Decider::run(std::string_view request, bool revoked, std::string action) {
  std::string error;
  if (reader_.read(request, request_, &error) != request::ReadStatus::Ok) {
    Verdict v = bad_request("the request could not be built: " + error);
    v.action = std::move(action);
    return v;
  }
  DecideOptions options;
  options.revoked = revoked;
  Result r = agentpol::decide(*bundle_, request_, options);
  Verdict v;
  v.decision = r.decision;
  v.reason = r.reason;
  for (size_t i = 0; i < r.rule_count; ++i) v.rules.emplace_back(r.rule_id(i));
  if (r.reason == Reason::BadRequest) v.message = r.message.empty() ? "bad request" : std::string(r.message);
  v.action = std::move(action);
  return v;
}

}  // namespace agentpol::gateway
