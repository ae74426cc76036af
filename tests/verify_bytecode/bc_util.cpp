// bc_util.cpp — test helpers for the bytecode proofs (see bc_util.h).
#include "bc_util.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <stdexcept>

#include "api/request_data.h"
#include "verify/concrete_request.h"

namespace agentpol::bctest {

namespace fs = std::filesystem;
using json = nlohmann::json;
using verify::ReasonCode;

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
  z3::context& c = m.req.env().ctx();
  std::vector<z3::expr> pins = verify::pinRequest(m.req, request);
  z3::solver s(c);
  for (const z3::expr& d : m.req.domain) s.add(d);
  s.add(bm.facts());
  for (const z3::expr& p : pins) s.add(p);
  // Model evaluation does not always reduce array (set) equalities to a
  // value, so every term read back is bound to a fresh probe constant.
  std::vector<z3::expr> probes;
  auto probe = [&](const z3::expr& term) {
    z3::expr p = c.constant(("probe!" + std::to_string(probes.size())).c_str(), term.get_sort());
    s.add(p == term);
    probes.push_back(p);
    return p;
  };
  const verify::DecisionTerms& d = *bm.decision;
  z3::expr decision = probe(d.decision), reason = probe(d.reason), userDecision = probe(d.user.decision);
  z3::expr hasUser = probe(m.req.hasUser);
  std::vector<std::array<z3::expr, 3>> rules;  // error, returnsTrue, hit
  for (const verify::bytecode::BytecodeRule& r : bm.rules)
    rules.push_back({probe(r.error), probe(r.returnsTrue), probe(r.applies && r.matches)});
  if (s.check() != z3::sat) {
    out.error = "the pinned request is not satisfiable";
    return out;
  }
  z3::model model = s.get_model();
  // Z3 4.8.12 models may define a probe by an unreduced term (set operations
  // are array maps): such probes are decided by asking the solver instead.
  std::map<unsigned, z3::expr> value;
  bool determined = true;
  auto read = [&](const z3::expr& p, const std::vector<z3::expr>& candidates) {
    z3::expr v = model.eval(p, true);
    if (v.is_numeral() || v.is_true() || v.is_false()) return value.emplace(p.id(), v).first->second;
    std::optional<z3::expr> found;
    for (const z3::expr& k : candidates) {
      z3::expr_vector a(c);
      a.push_back(p == k);
      if (s.check(a) != z3::sat) continue;
      if (found) determined = false;
      found = k;
    }
    if (!found) throw std::runtime_error("a probe has no value");
    return value.emplace(p.id(), *found).first->second;
  };
  std::vector<z3::expr> bools{c.bool_val(false), c.bool_val(true)}, ints;
  for (int k = 0; k < 12; ++k) ints.push_back(c.int_val(k));
  int64_t dec = 0, why = 0;
  verify::toI64(read(decision, ints), dec);
  verify::toI64(read(reason, ints), why);
  out.decision = verify::decisionName(static_cast<int>(dec));
  out.reason = verify::reasonName(static_cast<ReasonCode>(why));
  int64_t userDec = 0;
  verify::toI64(read(userDecision, ints), userDec);
  bool withUser = read(hasUser, bools).is_true();
  std::vector<std::array<bool, 3>> ruleValues;
  for (size_t i = 0; i < bm.rules.size(); ++i) {
    ruleValues.push_back({read(rules[i][0], bools).is_true(), read(rules[i][1], bools).is_true(),
                          read(rules[i][2], bools).is_true()});
    bool err = ruleValues[i][0], ret = ruleValues[i][1];
    out.blocks.push_back(BlockOutcome{bm.rules[i].id, err ? 2 : ret ? 1 : 0});
  }
  z3::expr other = c.bool_val(false);
  for (const z3::expr& p : probes) other = other || p != value.at(p.id());
  z3::expr_vector a(c);
  a.push_back(other);
  out.determined = determined && s.check(a) == z3::unsat;
  auto hits = [&](bool userSide, ast::Effect eff) {
    for (size_t i = 0; i < bm.rules.size(); ++i) {
      const verify::bytecode::BytecodeRule& r = bm.rules[i];
      if (r.userSide == userSide && r.effect == eff && ruleValues[i][2])
        out.rules.push_back(r.id);
    }
  };
  switch (static_cast<ReasonCode>(why)) {
    case ReasonCode::Permitted:
      hits(false, ast::Effect::Permit);
      if (withUser) hits(true, ast::Effect::Permit);
      break;
    case ReasonCode::Escalated:
      hits(false, ast::Effect::Escalate);
      if (withUser && userDec == 1) hits(true, ast::Effect::Escalate);
      break;
    case ReasonCode::UserEscalated: hits(true, ast::Effect::Escalate); break;
    case ReasonCode::Forbidden: hits(false, ast::Effect::Forbid); break;
    case ReasonCode::UserForbidden: hits(true, ast::Effect::Forbid); break;
    default: break;
  }
  std::sort(out.rules.begin(), out.rules.end());
  return out;
}

int runBlockOnVm(const Bundle& bundle, const Request& request, uint32_t code) {
  const detail::BundleData& b = bundle.data();
  const detail::RequestData& r = request.data();
  detail::Env env{b.consts.data(), b.patterns.data(), b.segments.data(), r.now, r.agent, r.user,
                  r.ctx.data(), r.ctx_has.data(), r.params.data(), r.args.data(), r.args_has.data(),
                  r.ents.data(), r.attrs.data(), r.attrs_has.data()};
  detail::Eval v = detail::run_block(b.code.at(code), env);
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
