// bundle_session.h — a loaded bundle next to a source verification Session:
// the schema correspondence (checked once) and one BytecodeModel per action,
// built on first use over that action's source RequestEncoding, so source
// and bytecode terms share every request symbol and one solver.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include <agentpol/bundle.h>

#include "verify/bytecode/bytecode_model.h"
#include "verify/session.h"

namespace agentpol::verify::bytecode {

class BundleSession {
 public:
  BundleSession(Session& source, std::shared_ptr<const Bundle> bundle);

  // The bundle's tables correspond to the policy; otherwise nothing about it
  // can be proved and mismatch() says what differs.
  bool matches() const { return map_.has_value(); }
  const std::string& mismatch() const { return mismatch_; }

  Session& source() { return source_; }
  const Bundle& bundle() const { return *bundle_; }
  BytecodeModel& model(uint32_t action);  // by CheckedPolicy action index

 private:
  Session& source_;
  std::shared_ptr<const Bundle> bundle_;
  std::optional<SchemaMap> map_;
  std::string mismatch_;
  std::map<uint32_t, std::unique_ptr<BytecodeModel>> models_;
};

// Compiles `policy` with codegen and loads it with the runtime's loader;
// null with `error` set when either fails.
std::shared_ptr<const Bundle> compileAndLoadBundle(const sema::CheckedPolicy& policy, std::string& error);

}  // namespace agentpol::verify::bytecode
