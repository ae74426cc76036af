// session_hold.cpp — escalated tools/calls (spec section 12). An approved,
// unused approval for the identical call (agent, user, tool, canonical
// arguments, bundle) lets it through once; otherwise a pending approval is
// recorded in the state database and the call is held: parked in held_
// (never blocking the session), settled by tick() when the operator
// decides or the hold ends, or by the client's answer to elicitation/create.
// Each held call gets its one audit line when it is settled, before it is
// forwarded or answered.
#include "core/session.h"

#include "core/answers.h"
#include "core/call_key.h"

namespace agentpol::gateway {
namespace {

constexpr int64_t kPollMs = 100;  // how often held calls look at the database

std::string approval_message(const Approval& a) {
  std::string out = "agentpol: agent " + a.agent + (a.user ? " acting for user " + *a.user : std::string()) +
                    " asks to call " + a.tool + " with " + a.args + "; escalated";
  for (size_t i = 0; i < a.rules.size(); ++i) out += (i ? ", " : " by ") + a.rules[i];
  return out + ". Approve this call (approval " + a.id + ")?";
}

}  // namespace

void Session::escalate(Held h, int64_t now_ms) {
  auto refuse = [&](const std::string& why) {
    h.verdict.message = why;
    settle(h, Settle::Blocked);
  };
  if (!in_.state) return refuse("no state database for approvals; the call was not forwarded");
  Approval& a = h.approval;
  a.agent = opts_.caller.agent;
  a.user = opts_.caller.user;
  a.tool = *h.tool;
  a.action = h.verdict.action.value_or("");
  a.args = canonical(h.args);
  a.args_sha256 = sha256_hex(a.args);
  a.bundle = h.bundle;
  std::string error;
  CallKey key{a.agent, a.user, a.tool, a.args_sha256, a.bundle};
  if (std::optional<std::string> used = in_.state->use_approval_for(key, now_ms, &error)) {
    if (std::optional<Approval> got = in_.state->approval(*used, &error)) a = *got;
    a.id = *used;
    return settle(h, Settle::Approved);
  }
  if (!error.empty()) return refuse("the approvals could not be read (" + error + "); the call was not forwarded");
  a.id = new_approval_id();
  a.status = "pending";
  a.rules = h.verdict.rules;
  a.reason = to_string(h.verdict.reason);
  a.created_ms = now_ms;
  a.expires_ms = now_ms + opts_.approvals.ttl_ms;
  if (!in_.state->add_approval(a, &error))
    return refuse("the approval could not be recorded (" + error + "); the call was not forwarded");
  peers_.note("held " + a.tool + " for approval " + a.id + " (agentpol-mcp approvals approve " + a.id + ")");
  bool ask = opts_.approvals.via_elicitation && client_elicits_;
  h.deadline_ms = ask ? a.expires_ms : now_ms + opts_.approvals.hold_ms;
  if (!ask && opts_.approvals.hold_ms <= 0) return settle(h, Settle::Held);
  std::string key_text = h.id_key;
  Held& parked = held_.emplace(key_text, std::move(h)).first->second;
  if (ask) ask_client(parked);
  next_poll_ms_ = 0;
}

// elicitation/create in form mode with one boolean, `approve`.
void Session::ask_client(Held& h) {
  int64_t id = server_ids_.next();
  h.elicitation = id;
  asked_[id] = h.id_key;
  json schema = {{"type", "object"},
                 {"properties",
                  {{"approve", {{"type", "boolean"}, {"title", "Approve"},
                                {"description", "true lets this one call through; false declines it"}}}}},
                 {"required", {"approve"}}};
  json request = {{"jsonrpc", "2.0"}, {"id", id}, {"method", "elicitation/create"},
                  {"params", {{"mode", "form"}, {"message", approval_message(h.approval)}, {"requestedSchema", schema}}}};
  peers_.to_client(canonical(request));
}

// A client response to one of our elicitation requests: accept with
// approve: true approves (by "client"); anything else declines.
bool Session::elicitation_answer(const RpcMessage& m) {
  if (!m.id.is_number_integer()) return false;
  auto asked = asked_.find(m.id.get<int64_t>());
  if (asked == asked_.end()) return false;
  std::string key = asked->second;
  asked_.erase(asked);
  auto it = held_.find(key);
  if (it == held_.end()) return true;  // settled meanwhile (the operator decided)
  Held& h = it->second;
  const json* result = m.doc.contains("result") ? &m.doc["result"] : nullptr;
  std::string action = result && result->is_object() && result->value("action", json()).is_string()
                           ? (*result)["action"].get<std::string>() : "error";
  bool approve = action == "accept" && result->contains("content") && (*result)["content"].is_object() &&
                 (*result)["content"].value("approve", json()) == json(true);
  int64_t now_ms = in_.now_ms();
  std::string error;
  Approval after;
  std::string note = approve ? "approved through elicitation"
                     : action == "accept" ? "declined through elicitation (approve: false)"
                                          : "elicitation answered " + action;
  DecideOutcome d = in_.state->decide_approval(h.approval.id, approve, "client", note, now_ms, &after, &error);
  if (d == DecideOutcome::Failed) peers_.note("could not record the client's answer to approval " + h.approval.id + ": " + error);
  check_held(h, now_ms);  // settles it by what the database now says
  if (held_.count(key) && d != DecideOutcome::Decided) {
    // Nothing recorded (the database refused, or it expired): the client declined or it cannot be used.
    h.approval.decided_by = "client";
    h.approval.note = note;
    settle(h, approve ? Settle::Held : Settle::Declined);
  }
  return true;
}

int64_t Session::tick() {
  if (held_.empty()) return -1;
  int64_t now_ms = in_.now_ms();
  if (now_ms < next_poll_ms_) return next_poll_ms_ - now_ms;
  next_poll_ms_ = now_ms + kPollMs;
  std::vector<std::string> keys;
  for (auto& [key, h] : held_) keys.push_back(key);
  for (const std::string& key : keys) {
    auto it = held_.find(key);
    if (it != held_.end()) check_held(it->second, now_ms);
  }
  return held_.empty() ? -1 : kPollMs;
}

// Settles `h` when its approval was decided or its hold is over; true if it did.
bool Session::check_held(Held& h, int64_t now_ms) {
  std::string error;
  std::optional<Approval> a = in_.state->approval(h.approval.id, &error);
  if (a && a->status == "approved" && in_.state->use_approval(a->id, now_ms, &error)) {
    h.approval = *a;
    settle(h, Settle::Approved);
    return true;
  }
  if (a && a->status == "denied") {
    h.approval = *a;
    settle(h, Settle::Declined);
    return true;
  }
  if (!error.empty()) peers_.note("approval " + h.approval.id + ": " + error);
  if (now_ms < h.deadline_ms && (!a || a->status_at(now_ms) == "pending")) return false;
  settle(h, Settle::Held);
  return true;
}

// The call's audit line, then the call forwarded (approved) or answered.
// notifications/cancelled for a held call: it ends there (audited `held`,
// its approval left as it is) and gets no answer, as MCP asks; a call in a
// batch is still answered, so the batch's answer is complete.
bool Session::cancel_held(const json& notification) {
  auto params = notification.find("params");
  if (params == notification.end() || !params->is_object() || !params->contains("requestId")) return false;
  auto it = held_.find(canonical((*params)["requestId"]));
  if (it == held_.end()) return false;
  peers_.note("the client cancelled the call held for approval " + it->second.approval.id);
  settle(it->second, Settle::Held, it->second.batch != 0);
  return true;
}

void Session::settle(Held& held, Settle how, bool answer) {
  static const char* const kOutcome[] = {"approved", "declined", "held", "blocked"};
  Held h = std::move(held);
  held_.erase(h.id_key);
  if (h.elicitation) asked_.erase(*h.elicitation);
  CallRecord rec;
  rec.time_ms = h.time_ms;
  rec.audit_id = h.audit_id;
  rec.caller = &opts_.caller;
  rec.tool = h.tool;
  rec.args = &h.args;
  rec.verdict = &h.verdict;
  rec.bundle = h.bundle;
  rec.mode = "enforce";
  rec.outcome = kOutcome[static_cast<int>(how)];
  if (how != Settle::Blocked) rec.approval = h.approval.id;
  if (how == Settle::Approved || how == Settle::Declined) rec.approver = h.approval.decided_by;
  if (h.shadow) rec.shadow = ShadowVerdict{&*h.shadow, h.shadow_bundle};
  std::string error;
  if (!in_.audit->write(call_line(rec), &error)) {
    peers_.note("audit log unavailable (" + error + "): a tools/call was not forwarded");
    if (answer) reply(h.batch, rpc_result(h.id, audit_failed_result(h.verdict, error)));
    return;
  }
  if (!answer) return;
  switch (how) {
    case Settle::Approved:
      pending_[h.id_key] = Pending{h.id, Method::ToolsCall, h.batch};
      peers_.to_server(h.raw);
      return;
    case Settle::Declined: return reply(h.batch, rpc_result(h.id, declined_result(h.verdict, h.audit_id, h.approval)));
    case Settle::Held: return reply(h.batch, rpc_result(h.id, held_result(h.verdict, h.audit_id, h.approval)));
    case Settle::Blocked: return reply(h.batch, rpc_result(h.id, blocked_result(h.verdict, h.audit_id)));
  }
}

}  // namespace agentpol::gateway
