// counterexample.cpp — model values to request JSON: scalars, RFC 3339
// times, money, durations, enums by name, finite sets (set_model.h), records
// and entities (inline attrs once, then references).
#include "verify/counterexample.h"

#include <map>

#include <agentpol/civil_time.h>
#include <fmt/format.h>

#include "verify/set_model.h"

namespace agentpol::verify {

using K = sema::Type::Kind;
using json = nlohmann::json;

namespace {

class Renderer {
 public:
  Renderer(RequestEncoding& req, const z3::model& m, SetExtractor& sets, bool collectOnly)
      : req_(req), m_(m), sets_(sets), collect_(collectOnly) {}

  json value(const SymValue& v);
  json entity(uint32_t type, const z3::expr& term);
  bool exact = true;
  std::string problem;

 private:
  z3::expr eval(const z3::expr& e) { return m_.eval(e, true); }
  int64_t integer(const z3::expr& e);
  json setValue(const SymValue& v);
  json element(const sema::Type* elem, const z3::expr& key);
  json scalar(const sema::Type* t, const z3::expr& term);
  void fail(const std::string& why) {
    if (exact) problem = why;
    exact = false;
  }

  RequestEncoding& req_;
  const z3::model& m_;
  SetExtractor& sets_;
  bool collect_;
  std::map<std::string, bool> renderedWithAttrs_;  // "Type\0id"
  std::map<std::string, std::string> freshIds_;    // irrelevant element -> id
  std::map<uint32_t, size_t> nextFresh_;  // per entity type: fresh ids handed out
};

int64_t Renderer::integer(const z3::expr& e) {
  int64_t n = 0;
  if (!toI64(eval(e), n)) fail("an integer outside int64");
  return n;
}

json Renderer::scalar(const sema::Type* t, const z3::expr& term) {
  switch (t->kind()) {
    case K::Bool: return eval(term).is_true();
    case K::Int: return integer(term);
    case K::Money: return formatMoney(integer(term), t->currency());
    case K::Duration: return formatDuration(integer(term));
    case K::Time: {
      int64_t s = integer(term);
      if (s < -62135596800LL || s > 253402300799LL) fail("a time outside years 1..9999");
      return formatTime(s);
    }
    case K::String: {
      std::string text;
      if (!modelString(m_, term, text)) fail("a string with a code point UTF-8 cannot hold");
      return text;
    }
    case K::Enum: {
      z3::expr v = eval(term);
      const EnumSort& es = req_.env().enumSort(req_.schema().enumOf(t));
      const auto& names = req_.schema().enumOf(t).values;
      for (size_t i = 0; i < es.values.size(); ++i)
        if (z3::eq(v, es.values[i]())) return names[i];
      fail("an enum value the model left open");
      return names.empty() ? "" : names[0];
    }
    case K::Entity: return entity(t->index(), term);
    default: break;
  }
  fail("a value of type " + t->str());
  return nullptr;
}

json Renderer::element(const sema::Type* elem, const z3::expr& key) {
  if (elem->kind() == K::Entity) {
    std::string id;
    if (!modelString(m_, key, id)) fail("an entity id with a code point UTF-8 cannot hold");
    return json{{"id", id}};
  }
  return scalar(elem, key);
}

json Renderer::setValue(const SymValue& v) {
  if (collect_) {
    sets_.collect(v.value);
    return json::array();
  }
  json out = json::array();
  if (v.type->kind() != K::Set) return out;
  for (const z3::expr& k : sets_.elements(v.value)) out.push_back(element(v.type->element(), k));
  return out;
}

json Renderer::value(const SymValue& v) {
  if (v.type->kind() == K::Set || v.type->kind() == K::EmptySet) return setValue(v);
  if (v.type->kind() != K::Record) return scalar(v.type, v.value);
  json out = json::object();
  const sema::RecordInfo& info = req_.schema().recordOf(v.type);
  for (size_t i = 0; i < v.fields.size(); ++i)
    if (eval(v.fields[i].present).is_true()) out[info.fields[i].name] = value(v.fields[i].value);
  return out;
}

json Renderer::entity(uint32_t type, const z3::expr& term) {
  z3::expr e = eval(term);
  bool relevant = false;
  for (const z3::expr& t : req_.entityTerms[type])
    if (z3::eq(eval(t), e)) relevant = true;
  const sema::RecordInfo& info = req_.schema().entities[type];
  if (!relevant) {
    // No formula term reaches it: a fresh reference, its attributes unread.
    std::string key = info.name + '\0' + e.to_string();
    auto it = freshIds_.find(key);
    // After the ids preferred for the terms the formulas reach (Prover).
    if (it == freshIds_.end())
      it = freshIds_.emplace(key, readableEntityId(info.name, req_.entityTerms[type].size() + ++nextFresh_[type])).first;
    return json{{"id", it->second}};
  }
  std::string id;
  if (!modelString(m_, req_.entityId(type, e), id)) fail("an entity id with a code point UTF-8 cannot hold");
  json out{{"id", id}};
  if (!eval(req_.attrsSupplied(type, e)).is_true()) return out;
  if (!renderedWithAttrs_.emplace(info.name + '\0' + id, true).second) return out;
  json attrs = json::object();
  for (uint32_t f = 0; f < info.fields.size(); ++f) {
    SymField field = req_.attribute(type, e, f);
    if (eval(field.present).is_true()) attrs[info.fields[f].name] = value(field.value);
  }
  out["attrs"] = attrs;
  return out;
}

json renderOnce(RequestEncoding& req, const z3::model& m, SetExtractor& sets, bool collect,
                RenderedRequest& result) {
  Renderer r(req, m, sets, collect);
  json out = json::object();
  int64_t now = 0;
  toI64(m.eval(req.now, true), now);
  out["now"] = r.value(SymValue(req.policy().types->time(), req.now, req.now.ctx().bool_val(false)));
  std::string agentId;
  modelString(m, req.agentName, agentId);
  if (req.agentEnt) out["agent"] = r.entity(*req.schema().agentEntity, *req.agentEnt);
  else out["agent"] = json{{"id", agentId}};
  if (m.eval(req.hasUser, true).is_true() && req.userEnt) out["user"] = r.entity(*req.schema().userEntity, *req.userEnt);
  else out["user"] = nullptr;
  out["action"] = req.actionInfo().name;
  json args = json::object();
  const sema::ActionInfo& a = req.actionInfo();
  for (size_t i = 0; i < a.params.size(); ++i) args[a.params[i].name] = r.value(req.params[i]);
  for (size_t i = 0; i < a.args.size(); ++i)  // an absent optional argument is left out
    if (m.eval(req.argPresent[i], true).is_true()) args[a.args[i].name] = r.value(req.args[i]);
  out["args"] = args;
  out["context"] = r.value(*req.context);
  if (!collect && !r.exact) {
    result.exact = false;
    result.problem = r.problem;
  }
  return out;
}

}  // namespace

std::string formatTime(int64_t s) { return agentpol::format_time(s); }

std::string readableEntityId(const std::string& typeName, size_t n) {
  std::string out;
  for (size_t i = 0; i < typeName.size(); ++i) {
    char ch = typeName[i];
    bool upper = ch >= 'A' && ch <= 'Z';
    if (upper && i > 0 && typeName[i - 1] != '_') out += '-';
    out += ch == '_' ? '-' : upper ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  return out + "-" + std::to_string(n);
}

std::string formatMoney(int64_t minor, const std::string& currency) {
  uint64_t mag = minor < 0 ? 0 - static_cast<uint64_t>(minor) : static_cast<uint64_t>(minor);
  return fmt::format("{}{}.{:02} {}", minor < 0 ? "-" : "", mag / 100, mag % 100, currency);
}

std::string formatDuration(int64_t seconds) { return fmt::format("{}s", seconds); }

RenderedRequest renderRequest(RequestEncoding& req, const z3::model& m) {
  req.setRecording(false);
  RenderedRequest result;
  SetExtractor sets(m, req.memberKeys);
  renderOnce(req, m, sets, true, result);
  result.request = renderOnce(req, m, sets, false, result);
  if (!sets.exact()) {
    result.exact = false;
    if (result.problem.empty()) result.problem = "a set value the extractor could not read";
  }
  req.setRecording(true);
  return result;
}

}  // namespace agentpol::verify
