// bc_util.cpp — test helpers for the bytecode proofs (see bc_util.h).
#include "bc_util.h"

#include <algorithm>
#include <optional>
#include <filesystem>
#include <stdexcept>

#include "api/access.h"
#include "verify/concrete_request.h"
#include "verify/forced_value.h"

namespace agentpol::bctest {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::vector<std::vector<std::string>> policySets() {
  std::vector<std::vector<std::string>> sets;
  for (const char* root : {AGENTPOL_SOURCE_DIR "/examples", AGENTPOL_SOURCE_DIR "/tests/semantics"})
    for (const std::string& s : test::policySetFolders(root)) sets.push_back({s});
  for (const char* dir : {AGENTPOL_SOURCE_DIR "/tests/codegen/policies", AGENTPOL_SOURCE_DIR "/tests/verify_bytecode/policies"}) {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".agentpol") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) sets.push_back({f});
  }
  sets.push_back({AGENTPOL_SHARED_DIR "/conformance/billing"});
  return sets;
}

std::string setName(const std::vector<std::string>& set) {
  std::string s = set.empty() ? "" : set[0];
  std::string root = AGENTPOL_SOURCE_DIR "/";
  if (s.compare(0, root.size(), root) == 0) s = s.substr(root.size());
  return s;
}

std::unique_ptr<Fixture> fixture(std::unique_ptr<test::LoadedPolicy> loaded, std::shared_ptr<const Bundle> bundle,
                                 unsigned timeoutMs) {
  if (!loaded->policy) throw std::runtime_error("policy does not compile:\n" + loaded->diagnostics());
  auto f = std::make_unique<Fixture>();
  f->loaded = std::move(loaded);
  f->bundle = bundle ? bundle : test::compileAndLoad(*f->loaded->policy);
  verify::VerifyOptions o;
  o.timeoutMs = timeoutMs;
  f->session = std::make_unique<verify::Session>(*f->loaded->policy, o);
  f->bytecode = std::make_unique<verify::bytecode::BundleSession>(*f->session, f->bundle);
  return f;
}

std::unique_ptr<Fixture> fixtureText(const std::string& policyText) {
  return fixture(test::loadPolicyText(policyText));
}


ConcreteBytecode evalBytecode(Fixture& f, uint32_t action, const json& request) {
  ConcreteBytecode out;
  verify::ActionModel& m = f.session->model(action);
  verify::bytecode::BytecodeModel& bm = f.bytecode->model(action);
  z3::solver s(m.req.env().ctx());
  for (const z3::expr& p : verify::pinRequest(m.req, request)) s.add(p);
  for (const z3::expr& d : m.req.domain) s.add(d);
  s.add(bm.facts());
  // Every value is proved forced by the solver (forced_value.h): Z3 models
  // may leave set operations unreduced or even misreport them.
  auto read = [&](verify::ForcedValues& v) {
    out = ConcreteBytecode{};
    const verify::DecisionTerms& d = *bm.decision;
    const int64_t lastReason = static_cast<int64_t>(Reason::BadRequest);
    std::optional<int64_t> dec = v.integer(d.decision, "the decision", 0, 2);
    std::optional<int64_t> why = v.integer(d.reason, "the reason", 0, lastReason);
    if (!dec || !why) return;
    out.decision = to_string(static_cast<Decision>(*dec));
    out.reason = to_string(static_cast<Reason>(*why));
    std::vector<verify::HitTerm> hits;
    for (const verify::bytecode::BytecodeRule& r : bm.rules) {
      std::string of = " of rule `" + r.id + "`";
      bool err = v.boolean(r.error, "the block error" + of).value_or(false);
      bool ret = v.boolean(r.returnsTrue, "the block result" + of).value_or(false);
      out.blocks.push_back(BlockOutcome{r.id, err ? 2 : ret ? 1 : 0});
      hits.push_back(verify::HitTerm{r.id, r.userSide, r.effect, r.applies && r.matches});
    }
    out.rules = verify::readReportingRules(v, static_cast<Reason>(*why), hits, m.req.hasUser, d.user.decision);
  };
  out.determined = verify::readForced(s, read, out.error);
  return out;
}

int runBlockOnVm(const Bundle& bundle, const Request& request, uint32_t code) {
  const detail::BundleData& b = detail::bundle_data(bundle);
  detail::Eval v = detail::run_block(b.code.at(code), detail::make_env(b, detail::request_data(request)));
  return v == detail::Eval::Error ? 2 : v == detail::Eval::True ? 1 : 0;
}

int ruleBlockOnVm(std::shared_ptr<const Bundle> bundle, const json& request, const std::string& ruleId) {
  Request req(bundle);
  std::string error;
  if (!test::readJsonRequest(bundle, request, req, error)) return -1;
  decide(*bundle, req);
  uint32_t action = bundle->action(request.value("action", std::string())).index;
  for (const RuleImage& r : bundle->image().rules)
    if (r.id == ruleId)
      for (const RuleBody& b : r.bodies)
        if (b.action == action) return runBlockOnVm(*bundle, req, b.code);
  return -1;
}

std::shared_ptr<const Bundle> loadImage(const BundleImage& image) {
  LoadResult r = load_bundle(serialize(image));
  if (!r) throw std::runtime_error("the mutated bundle does not load: " + r.error);
  return r.bundle;
}

}  // namespace agentpol::bctest
