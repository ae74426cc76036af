// report_sarif.cpp — SARIF 2.1.0 for GitHub code scanning: one run, one
// reporting rule per check kind, one result per violated (level error) or
// unknown (level warning) check, located at the rule/assert/agent.
#include <fmt/format.h>

#include "verify/report.h"

namespace agentpol::verify {

namespace {

using json = nlohmann::json;

struct KindInfo {
  const char* id;
  const char* text;
};
const KindInfo kKinds[] = {
    {"delegation", "A request with a user gets more than the user's own rules give."},
    {"scope", "A permit or escalate rule can match an action outside an agent's `may` scope."},
    {"dead-rule", "A rule's condition can never hold."},
    {"shadowed", "A permit or escalate rule never changes a decision because forbids cover it."},
    {"inventory", "An agent has no recent `reviewed` date."},
    {"assert", "A policy assert does not hold."},
};

json location(const diag::SourceManager& sm, const SourceRange& r) {
  diag::LineCol b = sm.lineCol(r.file, r.begin);
  diag::LineCol e = sm.lineCol(r.file, r.end);
  return json{{"physicalLocation",
               {{"artifactLocation", {{"uri", sm.path(r.file)}}},
                {"region", {{"startLine", b.line}, {"startColumn", b.column}, {"endLine", e.line},
                            {"endColumn", e.column}}}}}};
}

}  // namespace

json renderSarif(const VerifyReport& report, const diag::SourceManager& sources) {
  json rules = json::array();
  for (const KindInfo& k : kKinds)
    rules.push_back({{"id", k.id}, {"name", k.id}, {"shortDescription", {{"text", k.text}}}});
  json results = json::array();
  for (const CheckResult& c : report.checks) {
    if (c.status == Status::Proved) continue;
    std::string text = c.message;
    if (c.counterexample) text += "\nCounterexample request:\n" + c.counterexample->dump(2);
    json r{{"ruleId", c.kind},
           {"level", c.status == Status::Violated ? "error" : "warning"},
           {"message", {{"text", text}}},
           {"properties", {{"status", statusName(c.status)}, {"name", c.name}}}};
    if (!c.subject.empty()) r["properties"]["subject"] = c.subject;
    if (c.counterexample) r["properties"]["counterexample"] = *c.counterexample;
    // Code scanning wants a location on every result: checks about the whole
    // policy (delegation) point at the start of the first file.
    SourceRange at = c.range.valid() ? c.range : SourceRange{0, 0, 0};
    if (at.valid() && sources.fileCount() > 0) r["locations"] = json::array({location(sources, at)});
    results.push_back(std::move(r));
  }
  return json{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({{{"tool",
                                      {{"driver",
                                        {{"name", "agentpolc verify"},
                                         {"informationUri", "https://github.com/agentpol/agentpol"},
                                         {"rules", rules}}}}},
                                     {"results", results}}})}};
}

}  // namespace agentpol::verify
