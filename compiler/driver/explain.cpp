// explain.cpp — appendExplain (explain.h): trace_decision, then one JSON
// object per traced rule; the failed part is the first `when` part that was
// false or errored, else an `unless` part that errored, else the `unless`
// clause that held (its parts' text joined with ` && `).
#include "driver/explain.h"

#include "driver/decision_json.h"

#include <agentpol/audit.h>
#include <agentpol/bundle.h>
#include <agentpol/trace.h>

namespace agentpol::driver {
namespace {

const char* effectName(Effect e) { return e == Effect::Permit ? "permit" : e == Effect::Forbid ? "forbid" : "escalate"; }

void appendFailed(const RuleDebugImage& dbg, const PartImage& at, const std::string& text, bool error,
                  std::string* out) {
  *out += ",\"failed\":{\"text\":";
  append_json_string(text, out);
  *out += ",\"file\":";
  append_json_string(dbg.file, out);
  *out += ",\"line\":" + std::to_string(at.line) + ",\"column\":" + std::to_string(at.column);
  if (error) *out += ",\"error\":true";
  out->push_back('}');
}

// The part to blame for a rule that did not match, or false when none can be told.
bool failedPart(const RuleDebugImage& dbg, const RuleTrace& t, std::string* out) {
  const std::vector<PartImage>& parts = dbg.parts;
  for (size_t i = 0; i < parts.size() && i < t.parts.size(); ++i) {
    bool bad = t.parts[i] == PartOutcome::Error || (!parts[i].in_unless && t.parts[i] == PartOutcome::False);
    if (bad) {
      appendFailed(dbg, parts[i], parts[i].text, t.parts[i] == PartOutcome::Error, out);
      return true;
    }
  }
  std::string clause;
  const PartImage* first = nullptr;
  for (const PartImage& p : parts) {
    if (!p.in_unless) continue;
    if (!first) first = &p;
    clause += (clause.empty() ? "" : " && ") + p.text;
  }
  if (!first) return false;
  appendFailed(dbg, *first, clause, false, out);
  return true;
}

}  // namespace

void appendExplain(const Bundle& bundle, Request& request, const Result& decided, std::string* out) {
  *out += ",\"explain\":[";
  Result again;
  std::vector<RuleTrace> traces;
  if (decided.reason != Reason::Revoked) traces = trace_decision(bundle, request, DecideOptions{}, &again);
  const BundleImage& im = bundle.image();
  for (size_t k = 0; k < traces.size(); ++k) {
    const RuleTrace& t = traces[k];
    const RuleImage& rule = im.rules[t.rule];
    if (k) out->push_back(',');
    *out += "{\"rule\":";
    append_json_string(rule.id, out);
    *out += rule.side == Side::User ? ",\"side\":\"user\"" : ",\"side\":\"agent\"";
    *out += ",\"effect\":\"";
    *out += effectName(rule.effect);
    *out += t.matched ? "\",\"matched\":true" : "\",\"matched\":false";
    if (!t.matched && !im.debug.empty()) failedPart(im.debug[t.rule], t, out);
    out->push_back('}');
  }
  out->push_back(']');
}

void appendExplainedDecisionLine(const Bundle& bundle, Request& request, const Result& decided, std::string* out) {
  appendDecisionLine(decided, out);  // ends in "}\n"
  out->resize(out->size() - 2);
  appendExplain(bundle, request, decided, out);
  *out += "}\n";
}

}  // namespace agentpol::driver
