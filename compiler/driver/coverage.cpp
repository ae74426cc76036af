// coverage.cpp — Coverage (coverage.h): counts per rule and part from
// trace_decision, and the text and JSON reports.
#include "driver/coverage.h"

#include <cmath>

#include <agentpol/bundle.h>
#include <fmt/format.h>

namespace agentpol::driver {

Coverage::Coverage(const Bundle& bundle) : bundle_(bundle) {
  const BundleImage& im = bundle.image();
  rules_.resize(im.rules.size());
  for (size_t i = 0; i < im.debug.size(); ++i) rules_[i].parts.resize(im.debug[i].parts.size());
}

void Coverage::add(Request& request, const Result& decided) {
  if (decided.reason == Reason::Revoked) return;  // decided before any rule
  Result again;
  for (const RuleTrace& t : trace_decision(bundle_, request, DecideOptions{}, &again)) {
    RuleCount& rc = rules_[t.rule];
    ++rc.applicable;
    rc.matched += t.matched ? 1 : 0;
    for (size_t p = 0; p < t.parts.size() && p < rc.parts.size(); ++p) {
      rc.parts[p].seenTrue += t.parts[p] == PartOutcome::True ? 1 : 0;
      rc.parts[p].seenFalse += t.parts[p] == PartOutcome::False ? 1 : 0;
    }
  }
}

// A rule without a condition cannot be applicable and not match: it has
// one outcome (known only with the debug table; without it, every rule has two).
bool Coverage::unconditional(size_t rule) const {
  const BundleImage& im = bundle_.image();
  return !im.debug.empty() && im.debug[rule].parts.empty();
}

size_t Coverage::outcomes() const {
  size_t n = 0;
  for (size_t i = 0; i < rules_.size(); ++i) n += (unconditional(i) ? 1 : 2) + 2 * rules_[i].parts.size();
  return n;
}

size_t Coverage::covered() const {
  size_t n = 0;
  for (size_t i = 0; i < rules_.size(); ++i) {
    const RuleCount& r = rules_[i];
    n += (r.matched > 0) + (!unconditional(i) && r.applicable > r.matched);
    for (const PartCount& p : r.parts) n += (p.seenTrue > 0) + (p.seenFalse > 0);
  }
  return n;
}

double Coverage::percent() const {
  size_t t = outcomes();
  return t == 0 ? 100.0 : std::floor(1000.0 * static_cast<double>(covered()) / static_cast<double>(t)) / 10.0;
}

void Coverage::printText(std::ostream& out) const {
  const BundleImage& im = bundle_.image();
  out << "coverage per rule:\n";
  for (size_t i = 0; i < rules_.size(); ++i) {
    const RuleCount& r = rules_[i];
    const RuleDebugImage* dbg = im.debug.empty() ? nullptr : &im.debug[i];
    std::string where = dbg ? fmt::format("{}:{}", dbg->file, dbg->line) : "(no debug table)";
    out << fmt::format("  {} ({}): applicable {}, matched {}\n", im.rules[i].id, where, r.applicable, r.matched);
    if (r.matched == 0) out << "    never matched\n";
    if (r.applicable == r.matched && !unconditional(i)) out << "    never applicable without matching\n";
    for (size_t p = 0; dbg && p < r.parts.size(); ++p) {
      const PartImage& part = dbg->parts[p];
      std::string at = fmt::format("`{}` ({}:{}:{})", part.text, dbg->file, part.line, part.column);
      if (r.parts[p].seenTrue == 0) out << "    never true: " << at << "\n";
      if (r.parts[p].seenFalse == 0) out << "    never false: " << at << "\n";
    }
  }
  out << fmt::format("coverage: {} of {} outcomes ({}%)\n", covered(), outcomes(), percent());
}

nlohmann::ordered_json Coverage::toJson() const {
  const BundleImage& im = bundle_.image();
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  for (size_t i = 0; i < rules_.size(); ++i) {
    const RuleCount& r = rules_[i];
    const RuleDebugImage* dbg = im.debug.empty() ? nullptr : &im.debug[i];
    nlohmann::ordered_json parts = nlohmann::ordered_json::array();
    for (size_t p = 0; dbg && p < r.parts.size(); ++p)
      parts.push_back({{"text", dbg->parts[p].text}, {"line", dbg->parts[p].line}, {"column", dbg->parts[p].column},
                       {"true", r.parts[p].seenTrue}, {"false", r.parts[p].seenFalse}});
    nlohmann::ordered_json j = {{"id", im.rules[i].id}};
    j["file"] = dbg ? nlohmann::ordered_json(dbg->file) : nlohmann::ordered_json(nullptr);
    j["line"] = dbg ? nlohmann::ordered_json(dbg->line) : nlohmann::ordered_json(nullptr);
    j["applicable"] = r.applicable;
    j["matched"] = r.matched;
    j["parts"] = parts;
    rules.push_back(j);
  }
  return {{"outcomes", outcomes()}, {"covered", covered()}, {"percent", percent()}, {"rules", rules}};
}

}  // namespace agentpol::driver
