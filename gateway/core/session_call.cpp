// session_call.cpp — one tools/call: read its params, decide it (enforced
// and shadow bundles, revocations read now), write its audit line, and only
// then forward it or answer it. No audit line, no action. An escalated call
// goes to session_hold.cpp.
#include "core/session.h"

#include "core/answers.h"

namespace agentpol::gateway {
namespace {

// The tool name and arguments of a tools/call, or why they cannot be read.
struct CallParams {
  std::optional<std::string> tool;
  const json* arguments = nullptr;  // as given; null when absent
  std::string problem;
};

CallParams read_params(const json& doc) {
  static const json kNoArguments = json::object();
  CallParams out;
  auto params = doc.find("params");
  if (params == doc.end() || !params->is_object()) {
    out.problem = "params: expected an object with the tool's \"name\" and \"arguments\"";
    return out;
  }
  auto name = params->find("name");
  if (name != params->end() && name->is_string()) out.tool = name->get<std::string>();
  auto args = params->find("arguments");
  out.arguments = args == params->end() ? &kNoArguments : &*args;
  if (!out.tool) out.problem = "params.name: expected the tool's name (a string)";
  else if (!out.arguments->is_object()) out.problem = "params.arguments: expected an object";
  return out;
}

}  // namespace

void Session::call(const RpcMessage& m, std::string_view raw, uint64_t batch) {
  int64_t now_ms = in_.now_ms(), now = now_ms / 1000;
  refresh(now_ms);
  CallParams p = read_params(m.doc);
  std::string state_error;
  bool is_revoked = revoked(&state_error);
  auto decide = [&](Decider& d) {
    if (!p.problem.empty()) return bad_request(p.problem);
    Verdict v = d.decide(opts_.caller, now, *p.tool, *p.arguments, is_revoked);
    if (!state_error.empty() && v.reason == Reason::Revoked)
      v.message = "the state database could not be read (" + state_error + "); the agent is treated as revoked";
    return v;
  };
  Decider& enforced = in_.files->enforced();
  Verdict v = decide(enforced);
  bool forwarded = opts_.shadow_mode || v.decision == Decision::Allow;

  CallRecord rec;
  rec.time_ms = now_ms;
  rec.audit_id = audit_ids_.next();
  rec.caller = &opts_.caller;
  rec.tool = p.tool;
  rec.args = p.arguments;
  rec.verdict = &v;
  rec.bundle = enforced.hash();
  rec.mode = opts_.shadow_mode ? "shadow" : "enforce";
  rec.outcome = forwarded ? "forwarded" : "blocked";
  Verdict shadow;
  if (Decider* s = in_.files->shadow()) {
    shadow = decide(*s);
    rec.shadow = ShadowVerdict{&shadow, s->hash()};
  }
  if (v.decision == Decision::Escalate && !opts_.shadow_mode) {
    Held h;
    h.id = m.id;
    h.id_key = m.id_key;
    h.raw = std::string(raw);
    h.batch = batch;
    h.audit_id = rec.audit_id;
    h.time_ms = now_ms;
    h.tool = p.tool;
    h.args = *p.arguments;
    h.verdict = v;
    h.bundle = rec.bundle;
    if (rec.shadow) {
      h.shadow = shadow;
      h.shadow_bundle = rec.shadow->bundle;
    }
    return escalate(std::move(h), now_ms);
  }
  std::string error;
  if (!in_.audit->write(call_line(rec), &error)) {
    peers_.note("audit log unavailable (" + error + "): a tools/call was not forwarded");
    return reply(batch, rpc_result(m.id, audit_failed_result(v, error)));
  }
  if (forwarded) return forward(m, raw, Method::ToolsCall, batch);
  reply(batch, rpc_result(m.id, blocked_result(v, rec.audit_id)));
}

}  // namespace agentpol::gateway
