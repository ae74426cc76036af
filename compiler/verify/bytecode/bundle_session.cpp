// bundle_session.cpp — schema matching once, bytecode models per action on
// demand, and compile+load of a policy's own bundle (for `verify`).
#include "verify/bytecode/bundle_session.h"

#include "codegen/codegen.h"

namespace agentpol::verify::bytecode {

BundleSession::BundleSession(Session& source, std::shared_ptr<const Bundle> bundle)
    : source_(source), bundle_(std::move(bundle)) {
  map_ = mapSchema(bundle_->image(), source_.policy(), mismatch_);
}

BytecodeModel& BundleSession::model(uint32_t action) {
  auto& slot = models_[action];
  if (!slot) slot = std::make_unique<BytecodeModel>(*bundle_, *map_, source_.model(action).req);
  return *slot;
}

std::shared_ptr<const Bundle> compileAndLoadBundle(const sema::CheckedPolicy& policy, std::string& error) {
  std::vector<codegen::LimitError> limits;
  std::vector<uint8_t> bytes = codegen::compileBundleBytes(policy, &limits);
  if (!limits.empty()) {
    error = "rule `" + limits[0].ruleId + "` exceeds a runtime limit: " + limits[0].message;
    return nullptr;
  }
  LoadResult r = load_bundle(bytes);
  if (!r) error = "the compiled bundle does not load: " + r.error;
  return r.bundle;
}

}  // namespace agentpol::verify::bytecode
