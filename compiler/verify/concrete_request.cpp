// concrete_request.cpp — request JSON to equalities over the encoding's
// symbols (entities through the id-inverse function, sets as literal
// arrays), and concrete decisions whose every value (decision, reason, rule
// hits, the user side) the solver proves forced (forced_value.h).
#include "verify/concrete_request.h"

#include "request/value_text.h"
#include "verify/forced_value.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include <fmt/format.h>

namespace agentpol::verify {

using K = sema::Type::Kind;
using json = nlohmann::json;

namespace {

class Pinner {
 public:
  explicit Pinner(RequestEncoding& req) : req_(req), c_(req.env().ctx()) {}
  std::vector<z3::expr> out;

  void pin(const SymValue& v, const json& j, const std::string& where);
  z3::expr entityRef(uint32_t type, const json& j, const std::string& where);
  void finish();

 private:
  z3::expr scalar(const sema::Type* t, const json& j, const std::string& where);
  z3::expr setLiteral(const sema::Type* t, const z3::sort& arraySort, const json& j, const std::string& where);

  RequestEncoding& req_;
  z3::context& c_;
  std::map<std::pair<uint32_t, std::string>, json> attrs_;  // entities given with attrs
  std::map<std::pair<uint32_t, std::string>, bool> refs_;   // every entity seen
  std::set<std::string> pinned_;                            // entities already pinned
};

[[noreturn]] void bad(const std::string& why) { throw BadConcreteRequest(why); }

z3::expr Pinner::entityRef(uint32_t type, const json& j, const std::string& where) {
  if (!j.is_object() || !j.contains("id") || !j["id"].is_string()) bad(where + ": an entity needs an \"id\"");
  std::string id = j["id"].get<std::string>();
  refs_[{type, id}] = true;
  if (j.contains("attrs") && !j["attrs"].is_null()) {
    auto [it, fresh] = attrs_.emplace(std::make_pair(type, id), j["attrs"]);
    if (!fresh && it->second != j["attrs"]) bad(where + ": entity " + id + " given twice with different attrs");
  }
  return req_.entityWithId(type, req_.env().str(id));
}

z3::expr Pinner::setLiteral(const sema::Type* t, const z3::sort& arraySort, const json& j,
                            const std::string& where) {
  if (!j.is_array()) bad(where + ": a set must be an array");
  z3::expr set = z3::const_array(arraySort.array_domain(), c_.bool_val(false));
  for (const json& el : j) {
    z3::expr key = t->element()->kind() == K::Entity
                       ? req_.env().str(el.is_object() && el.contains("id") ? el["id"].get<std::string>() : "")
                       : scalar(t->element(), el, where);
    if (t->element()->kind() == K::Entity) entityRef(t->element()->index(), el, where);
    set = z3::store(set, key, c_.bool_val(true));
  }
  return set;
}

z3::expr Pinner::scalar(const sema::Type* t, const json& j, const std::string& where) {
  switch (t->kind()) {
    case K::Bool:
      if (!j.is_boolean()) bad(where + ": expected a Bool");
      return c_.bool_val(j.get<bool>());
    case K::Int:
      if (!j.is_number_integer()) bad(where + ": expected an Int");
      return req_.env().i64(j.get<int64_t>());
    case K::String:
      if (!j.is_string()) bad(where + ": expected a String");
      return req_.env().str(j.get<std::string>());
    case K::Money:
      if (!j.is_string()) bad(where + ": expected Money");
      return req_.env().i64(parseMoney(j.get<std::string>(), t->currency()));
    case K::Duration:
      if (!j.is_string()) bad(where + ": expected a Duration");
      return req_.env().i64(parseDuration(j.get<std::string>()));
    case K::Time:
      if (!j.is_string()) bad(where + ": expected a Time");
      return req_.env().i64(parseTime(j.get<std::string>()));
    case K::Enum: {
      const sema::EnumInfo& info = req_.schema().enumOf(t);
      int i = j.is_string() ? info.valueIndex(j.get<std::string>()) : -1;
      if (i < 0) bad(where + ": not a value of " + info.name);
      return req_.env().enumSort(info).values[i]();
    }
    case K::Entity: return entityRef(t->index(), j, where);
    default: break;
  }
  bad(where + ": unsupported type " + t->str());
}

void Pinner::pin(const SymValue& v, const json& j, const std::string& where) {
  K k = v.type->kind();
  if (k == K::Record) {
    if (!j.is_object()) bad(where + ": expected an object");
    const sema::RecordInfo& info = req_.schema().recordOf(v.type);
    for (auto it = j.begin(); it != j.end(); ++it)
      if (info.fieldIndex(it.key()) < 0) bad(where + ": unknown field " + it.key());
    for (size_t i = 0; i < info.fields.size(); ++i) {
      const sema::Field& f = info.fields[i];
      bool given = j.contains(f.name) && !j[f.name].is_null();
      if (!given && !f.optional) bad(where + ": missing " + f.name);
      if (f.optional) out.push_back(v.fields[i].present == c_.bool_val(given));
      if (given) pin(v.fields[i].value, j[f.name], where + "." + f.name);
    }
    return;
  }
  if (k == K::Set || k == K::EmptySet) {
    out.push_back(v.value == setLiteral(v.type, v.value.get_sort(), j, where));
    return;
  }
  out.push_back(v.value == scalar(v.type, j, where));
}

// Every entity seen: its id, whether attrs were supplied, and their values.
void Pinner::finish() {
  req_.setRecording(false);
  for (auto round = 0; round < 64; ++round) {  // attrs may mention more entities
    size_t before = refs_.size();
    std::map<std::pair<uint32_t, std::string>, bool> snapshot = refs_;
    for (const auto& [key, unused] : snapshot) {
      auto [type, id] = key;
      std::string done = fmt::format("{}\x01{}", type, id);
      if (!pinned_.insert(done).second) continue;
      z3::expr e = req_.entityWithId(type, req_.env().str(id));
      out.push_back(req_.entityId(type, e) == req_.env().str(id));
      auto it = attrs_.find(key);
      out.push_back(req_.attrsSupplied(type, e) == c_.bool_val(it != attrs_.end()));
      if (it == attrs_.end()) continue;
      const sema::RecordInfo& info = req_.schema().entities[type];
      json a = it->second;
      for (auto f = a.begin(); f != a.end(); ++f)
        if (info.fieldIndex(f.key()) < 0) bad(info.name + " " + id + ": unknown attribute " + f.key());
      for (uint32_t f = 0; f < info.fields.size(); ++f) {
        SymField field = req_.attribute(type, e, f);
        const sema::Field& fd = info.fields[f];
        bool given = a.contains(fd.name) && !a[fd.name].is_null();
        if (!given && !fd.optional) bad(info.name + " " + id + ": missing attribute " + fd.name);
        if (fd.optional) out.push_back(field.present == c_.bool_val(given));
        if (given) pin(field.value, a[fd.name], info.name + " " + id + "." + fd.name);
      }
    }
    if (refs_.size() == before && pinned_.size() >= refs_.size()) break;
  }
  req_.setRecording(true);
}

}  // namespace

// The value spellings are the request reader's (request/), so a
// counterexample is read back exactly as `agentpolc eval` reads it.
int64_t parseTime(const std::string& text) {
  int64_t v = 0;
  std::string why;
  if (!request::parseTime(text, &v, &why)) bad("time " + text + ": " + why);
  return v;
}

int64_t parseDuration(const std::string& text) {
  int64_t v = 0;
  std::string why;
  if (!request::parseDuration(text, &v, &why)) bad("duration " + text + ": " + why);
  return v;
}

int64_t parseMoney(const std::string& text, const std::string& currency) {
  int64_t v = 0;
  std::string_view cur;
  std::string why;
  if (!request::parseMoney(text, &v, &cur, &why)) bad("money " + text + ": " + why);
  if (cur != currency) bad("money " + text + " is not in " + currency);
  return v;
}

std::vector<z3::expr> pinRequest(RequestEncoding& req, const json& request) {
  Pinner p(req);
  z3::context& c = req.env().ctx();
  if (!request.is_object()) bad("a request must be an object");
  if (request.value("action", std::string()) != req.actionInfo().name) bad("the request is for another action");
  p.out.push_back(req.now == req.env().i64(parseTime(request.at("now").get<std::string>())));
  const json& agent = request.at("agent");
  std::string agentId = agent.at("id").get<std::string>();
  int sel = req.agents().indexOf(agentId);
  int other = static_cast<int>(req.agents().names.size());
  p.out.push_back(req.agentSel == (sel >= 0 ? sel : other));
  if (sel < 0) p.out.push_back(req.otherAgent == req.env().str(agentId));
  if (req.agentEnt) p.out.push_back(*req.agentEnt == p.entityRef(*req.schema().agentEntity, agent, "agent"));
  bool hasUser = request.contains("user") && !request["user"].is_null();
  p.out.push_back(req.hasUser == c.bool_val(hasUser));
  if (hasUser) {
    if (!req.userEnt) bad("a user given but no User entity declared");
    p.out.push_back(*req.userEnt == p.entityRef(*req.schema().userEntity, request["user"], "user"));
  }
  const sema::ActionInfo& a = req.actionInfo();
  json args = request.value("args", json::object());
  for (size_t i = 0; i < a.params.size(); ++i) p.pin(req.params[i], args.at(a.params[i].name), a.params[i].name);
  for (size_t i = 0; i < a.args.size(); ++i) {
    bool given = args.contains(a.args[i].name) && !args[a.args[i].name].is_null();
    if (!given && !a.args[i].optional) bad("args: missing " + a.args[i].name);
    if (a.args[i].optional) p.out.push_back(req.argPresent[i] == c.bool_val(given));
    if (given) p.pin(req.args[i], args[a.args[i].name], a.args[i].name);
  }
  p.pin(*req.context, request.value("context", json::object()), "context");
  for (const json& e : request.value("entities", json::array())) {
    std::string type = e.at("type").get<std::string>();
    bool found = false;
    for (uint32_t t = 0; t < req.schema().entities.size(); ++t)
      if (req.schema().entities[t].name == type) {
        p.entityRef(t, e, "entities");
        found = true;
      }
    if (!found) bad("unknown entity type " + type);
  }
  p.finish();
  return p.out;
}


ConcreteEvaluator::ConcreteEvaluator(ActionModel& model, unsigned timeoutMs)
    : model_(model), solver_(model.req.env().ctx()) {
  z3::params p(model.req.env().ctx());
  p.set("timeout", timeoutMs);
  solver_.set(p);
  for (const RuleEntry& e : model.rules) solver_.add(e.definition);
}

ConcreteDecision decideConcrete(ActionModel& model, const json& request, unsigned timeoutMs) {
  return ConcreteEvaluator(model, timeoutMs).decide(request);
}

ConcreteDecision ConcreteEvaluator::decide(const json& request) {
  ActionModel& model = model_;
  ConcreteDecision out;
  if (!model.complete()) {
    out.error = model.unsupported();
    return out;
  }
  std::vector<z3::expr> pins = pinRequest(model.req, request);
  for (; synced_ < model.req.domain.size(); ++synced_) solver_.add(model.req.domain[synced_]);
  solver_.push();
  for (const z3::expr& pin : pins) solver_.add(pin);
  out.determined = readForced(solver_, [&](ForcedValues& f) { read(f, out); }, out.error);
  solver_.pop();
  return out;
}

// Every value reported is read with `f` (proved forced by the solver); only
// the terms the reason makes relevant are read.
void ConcreteEvaluator::read(ForcedValues& f, ConcreteDecision& out) {
  ActionModel& model = model_;
  const DecisionTerms& d = *model.decision;
  out = ConcreteDecision{};
  std::optional<int64_t> dec = f.integer(d.decision, "the decision", 0, 2);
  std::optional<int64_t> reason = f.integer(d.reason, "the reason", 0, static_cast<int64_t>(Reason::BadRequest));
  if (!dec || !reason) return;
  out.decision = to_string(static_cast<Decision>(*dec));
  out.reason = to_string(static_cast<Reason>(*reason));
  std::vector<HitTerm> rules;
  for (const RuleEntry& e : model.rules) {
    const sema::CheckedRule& r = model.policy().rules[e.rule];
    rules.push_back(HitTerm{r.id, r.subject == sema::Subject::User, r.effect, e.applies && e.matchVar});
  }
  out.rules = readReportingRules(f, static_cast<Reason>(*reason), rules, model.req.hasUser, d.user.decision);
}

std::vector<std::string> readReportingRules(ForcedValues& f, Reason reason, const std::vector<HitTerm>& rules,
                                            const z3::expr& hasUser, const z3::expr& userDecision) {
  std::vector<std::string> out;
  auto hits = [&](bool userSide, ast::Effect eff) {
    for (const HitTerm& r : rules)
      if (r.userSide == userSide && r.effect == eff &&
          f.boolean(r.hit, "the hit of rule `" + r.id + "`").value_or(false))
        out.push_back(r.id);
  };
  switch (reason) {
    case Reason::Permitted:
      hits(false, ast::Effect::Permit);
      if (f.boolean(hasUser, "whether there is a user").value_or(false)) hits(true, ast::Effect::Permit);
      break;
    case Reason::Escalated:
      hits(false, ast::Effect::Escalate);
      if (f.boolean(hasUser && userDecision == 1, "whether the user side escalates").value_or(false))
        hits(true, ast::Effect::Escalate);
      break;
    case Reason::UserEscalated: hits(true, ast::Effect::Escalate); break;
    case Reason::Forbidden: hits(false, ast::Effect::Forbid); break;
    case Reason::UserForbidden: hits(true, ast::Effect::Forbid); break;
    default: break;
  }
  std::sort(out.begin(), out.end());
  return out;
}


}  // namespace agentpol::verify
