// verify_util.cpp — test helpers (see verify_util.h).
#include "verify_util.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "verify/counterexample.h"
#include "verify/verifier.h"

namespace agentpol::vtest {

using json = nlohmann::json;

const char* kBillingPolicy = AGENTPOL_SHARED_DIR "/conformance/billing/policy.agentpol";

std::vector<std::string> policySets() {
  std::vector<std::string> sets;
  for (const char* root : {AGENTPOL_SOURCE_DIR "/examples", AGENTPOL_SOURCE_DIR "/tests/semantics"})
    for (const std::string& s : test::policySetFolders(root)) sets.push_back(s);
  sets.push_back(AGENTPOL_SHARED_DIR "/conformance/billing");
  return sets;
}

std::unique_ptr<test::LoadedPolicy> load(const std::string& text) {
  auto p = test::loadPolicyText(text);
  if (!p->policy) throw std::runtime_error("policy does not compile:\n" + p->diagnostics());
  return p;
}

verify::VerifyReport verifyText(const std::string& text, unsigned timeoutMs) {
  auto p = load(text);
  verify::VerifyOptions o;
  o.today = 1795824000;  // 2026-11-28
  o.timeoutMs = timeoutMs;
  return verify::verifyPolicy(*p->policy, o);
}

const verify::CheckResult* find(const verify::VerifyReport& r, const std::string& kind, const std::string& subject) {
  for (const verify::CheckResult& c : r.checks)
    if (c.kind == kind && (c.subject == subject || (kind == "assert" && c.name == subject))) return &c;
  return nullptr;
}

Replayed replay(const sema::CheckedPolicy& policy, const json& request) {
  return test::decideJson(test::compileAndLoad(policy), request);
}

CliResult runCli(const std::string& args) {
  CliResult r;
  std::string cmd = std::string(AGENTPOLC_PATH) + " " + args + " 2>/dev/null";
  FILE* f = popen(cmd.c_str(), "r");
  if (!f) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), f)) > 0) r.out.append(buf.data(), n);
  int status = pclose(f);
  r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string writeTemp(const std::string& name, const std::string& text) {
  std::string path = "/tmp/agentpol_verify_test_" + name;
  std::ofstream(path) << text;
  return path;
}

namespace {

using K = sema::Type::Kind;

bool value(const sema::CheckedPolicy& p, const sema::Type* t, const ref::Value& v, const ref::Request& r, json& out) {
  switch (v.tag) {
    case ref::Value::Tag::Absent: out = nullptr; return true;
    case ref::Value::Tag::String: out = v.s; return true;
    case ref::Value::Tag::Entity: out = json{{"id", r.entities.at(v.n).id}}; return true;
    case ref::Value::Tag::Set: {
      out = json::array();
      for (const ref::Value& x : v.items) {
        json j;
        if (!value(p, t->element(), x, r, j)) return false;
        out.push_back(j);
      }
      return true;
    }
    case ref::Value::Tag::Record: {
      out = json::object();
      const sema::RecordInfo& info = p.schema.recordOf(t);
      for (size_t i = 0; i < info.fields.size(); ++i) {
        if (v.items[i].absent()) continue;
        json j;
        if (!value(p, info.fields[i].type, v.items[i], r, j)) return false;
        out[info.fields[i].name] = j;
      }
      return true;
    }
    case ref::Value::Tag::Scalar: break;
  }
  switch (t->kind()) {
    case K::Bool: out = v.n != 0; return true;
    case K::Int: out = v.n; return true;
    case K::Money: out = verify::formatMoney(v.n, t->currency()); return true;
    case K::Duration: out = verify::formatDuration(v.n); return true;
    case K::Time:
      if (v.n < -62135596800LL || v.n > 253402300799LL) return false;
      out = verify::formatTime(v.n);
      return true;
    case K::Enum: out = p.schema.enumOf(t).values.at(v.n); return true;
    default: return false;
  }
}

}  // namespace

bool toJson(const sema::CheckedPolicy& p, const ref::Request& r, json& out) {
  const sema::Schema& s = p.schema;
  out = json::object();
  json now;
  if (!value(p, p.types->time(), ref::Value::scalar(r.now), r, now)) return false;
  out["now"] = now;
  out["agent"] = json{{"id", r.agent}};
  out["user"] = r.user >= 0 ? json{{"id", r.entities.at(r.user).id}} : json(nullptr);
  const sema::ActionInfo& a = s.actions.at(r.action);
  out["action"] = a.name;
  json args = json::object();
  for (size_t i = 0; i < a.params.size(); ++i)
    if (!value(p, a.params[i].type, r.params[i], r, args[a.params[i].name])) return false;
  for (size_t i = 0; i < a.args.size(); ++i)
    if (!value(p, a.args[i].type, r.args[i], r, args[a.args[i].name])) return false;
  out["args"] = args;
  if (!value(p, s.context().type, r.context, r, out["context"])) return false;
  json entities = json::array();
  for (const ref::Entity& e : r.entities) {
    if (!e.hasAttrs || e.type == ref::kNoType) continue;
    const sema::RecordInfo& info = s.entities[e.type];
    json attrs = json::object();
    for (size_t i = 0; i < info.fields.size(); ++i) {
      if (e.attrs[i].absent()) continue;
      if (!value(p, info.fields[i].type, e.attrs[i], r, attrs[info.fields[i].name])) return false;
    }
    entities.push_back(json{{"type", info.name}, {"id", e.id}, {"attrs", attrs}});
  }
  out["entities"] = entities;
  return true;
}

}  // namespace agentpol::vtest
