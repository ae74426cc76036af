// request_gen.cpp — RequestGenerator: constant harvesting over the checked
// rule trees, then random values per type with a bias toward them.
#include "request_gen.h"

#include <limits>

#include <llvm/Support/Casting.h>

namespace agentpol::ref {

using llvm::dyn_cast;
using TK = sema::Type::Kind;

namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kBaseTime = 1795000000;  // 2026-11-17

std::string kindKey(const sema::Type* t) { return t->kind() == TK::Money ? t->str() : t->kind() == TK::Int ? "Int" : t->kind() == TK::Duration ? "Duration" : t->kind() == TK::Time ? "Time" : ""; }

void children(const ast::Expr* e, std::vector<const ast::Expr*>& out) {
  if (auto* s = dyn_cast<ast::SetLit>(e)) for (auto& x : s->elements) out.push_back(x.get());
  if (auto* u = dyn_cast<ast::UnaryExpr>(e)) out.push_back(u->operand.get());
  if (auto* b = dyn_cast<ast::BinaryExpr>(e)) { out.push_back(b->lhs.get()); out.push_back(b->rhs.get()); }
  if (auto* l = dyn_cast<ast::LikeExpr>(e)) out.push_back(l->subject.get());
  if (auto* h = dyn_cast<ast::HasExpr>(e)) out.push_back(h->object.get());
  if (auto* a = dyn_cast<ast::AttrExpr>(e)) out.push_back(a->object.get());
  if (auto* m = dyn_cast<ast::MethodCallExpr>(e)) {
    out.push_back(m->object.get());
    for (auto& x : m->args) out.push_back(x.get());
  }
  if (auto* i = dyn_cast<ast::IfExpr>(e)) {
    out.push_back(i->cond.get());
    out.push_back(i->thenExpr.get());
    out.push_back(i->elseExpr.get());
  }
}

}  // namespace

RequestGenerator::RequestGenerator(const sema::CheckedPolicy& policy, uint64_t seed) : policy_(policy), rng_(seed) {
  for (const sema::CheckedRule& r : policy.rules) {
    if (r.when) harvest(r.when.get());
    if (r.unless) harvest(r.unless.get());
  }
  for (const sema::AgentInfo& a : policy.schema.agents) {
    strings_.push_back(a.name);
    if (a.expires) numbers_["Time"].push_back(*a.expires);
  }
  for (const char* s : {"", "a", "x*y", "EU"}) strings_.push_back(s);
  numbers_["Time"].push_back(kBaseTime);
}

void RequestGenerator::harvest(const ast::Expr* e) {
  if (auto* i = dyn_cast<ast::IntLit>(e)) numbers_["Int"].push_back(i->value);
  if (auto* m = dyn_cast<ast::MoneyLit>(e)) numbers_[e->type->str()].push_back(m->minor);
  if (auto* d = dyn_cast<ast::DurationLit>(e)) numbers_["Duration"].push_back(d->seconds);
  if (auto* t = dyn_cast<ast::TimeLit>(e)) numbers_["Time"].push_back(t->epochSeconds);
  if (auto* s = dyn_cast<ast::StringLit>(e)) strings_.push_back(s->value);
  if (auto* l = dyn_cast<ast::LikeExpr>(e)) {
    std::string joined, tweaked;
    for (size_t i = 0; i < l->segments.size(); ++i) joined += (i ? "-zz-" : "") + l->segments[i];
    strings_.push_back(joined);
    strings_.push_back(joined + "!");
    strings_.push_back(joined.empty() ? "q" : joined.substr(1));
    for (const std::string& s : l->segments) strings_.push_back(s);
  }
  std::vector<const ast::Expr*> kids;
  children(e, kids);
  for (const ast::Expr* k : kids) harvest(k);
}

int64_t RequestGenerator::number(const std::string& key) {
  static const int64_t kEdges[] = {0, 1, -1, 2, 100, kMax, kMin, kMax - 1, kMin + 1, kMax / 2 + 1};
  const std::vector<int64_t>& mine = numbers_[key];
  double roll = std::uniform_real_distribution<double>(0, 1)(rng_);
  if (!mine.empty() && roll < 0.6) {
    static const int64_t kSteps[] = {0, 0, 0, 1, -1, 2, -2, 60, -60, 100, -100};
    int64_t base = mine[pick(mine.size())], step = kSteps[pick(std::size(kSteps))], r = 0;
    return __builtin_add_overflow(base, step, &r) ? base : r;
  }
  if (roll < 0.8) return kEdges[pick(std::size(kEdges))];
  return std::uniform_int_distribution<int64_t>(-1000, 100000)(rng_);
}

int64_t RequestGenerator::timeValue() {
  static const int64_t kDeltas[] = {0, 1, -1, 59, 60, 61, -60, 600, -600, 899, 900, 901, 3600, -3600, 86400, -86400};
  if (chance(0.5)) {
    int64_t r = 0;
    return __builtin_add_overflow(cur_->now, kDeltas[pick(std::size(kDeltas))], &r) ? cur_->now : r;
  }
  return number("Time");
}

std::string RequestGenerator::text() {
  if (chance(0.85)) return strings_[pick(strings_.size())];
  std::string s;
  for (size_t n = pick(4); n > 0; --n) s += static_cast<char>('a' + pick(3));
  return s;
}

Value RequestGenerator::entityValue(uint32_t type, int depth) {
  static const char* const kIds[] = {"e1", "e2", "u1"};
  return entityWithId(type, chance(0.9) ? kIds[pick(std::size(kIds))] : text(), depth);
}

// The entity (type, id) of the current request, created on first use: with
// attributes (85%, and only a few levels deep) or by reference only.
Value RequestGenerator::entityWithId(uint32_t type, const std::string& id, int depth) {
  auto key = std::make_pair(type, id);
  auto it = index_.find(key);
  if (it != index_.end()) return Value::entity(it->second);
  int64_t at = static_cast<int64_t>(cur_->entities.size());
  index_[key] = at;
  cur_->entities.push_back(Entity{type, id, false, {}});
  if (depth < 4 && chance(0.85)) {
    std::vector<Value> attrs;
    for (const sema::Field& f : policy_.schema.entities[type].fields)
      attrs.push_back(fieldValue(f, depth + 1));
    cur_->entities[static_cast<size_t>(at)].hasAttrs = true;
    cur_->entities[static_cast<size_t>(at)].attrs = std::move(attrs);
  }
  return Value::entity(at);
}

namespace {

bool anyLeaf(const Value& v) {
  if (v.tag != Value::Tag::Record) return !v.absent();
  for (const Value& f : v.items)
    if (anyLeaf(f)) return true;
  return false;
}

}  // namespace

// An optional field is absent 35% of the time. A bundle stores records as
// their leaves, so an optional record without any leaf present is absent
// (docs/ir.md): such a value is generated as absent.
Value RequestGenerator::fieldValue(const sema::Field& f, int depth) {
  if (f.optional && chance(0.35)) return Value();
  Value v = value(f.type, depth);
  return f.optional && !anyLeaf(v) ? Value() : v;
}

Value RequestGenerator::value(const sema::Type* t, int depth) {
  switch (t->kind()) {
    case TK::Bool: return Value::scalar(chance(0.5));
    case TK::Int: case TK::Money: case TK::Duration: return Value::scalar(number(kindKey(t)));
    case TK::Time: return Value::scalar(timeValue());
    case TK::String: return Value::string(text());
    case TK::Enum: return Value::scalar(static_cast<int64_t>(pick(policy_.schema.enums[t->index()].values.size())));
    case TK::Entity: return entityValue(t->index(), depth);
    case TK::Set: {
      std::vector<Value> items;
      for (size_t n = pick(4); n > 0; --n) items.push_back(value(t->element(), depth + 1));
      return Value::set(std::move(items));
    }
    case TK::Record: {
      std::vector<Value> fields;
      for (const sema::Field& f : policy_.schema.records[t->index()].fields)
        fields.push_back(fieldValue(f, depth));
      return Value::record(std::move(fields));
    }
    case TK::EmptySet: case TK::Error: break;
  }
  return Value::scalar(0);
}

Request RequestGenerator::next() {
  const sema::Schema& s = policy_.schema;
  Request r;
  cur_ = &r;
  index_.clear();
  r.now = chance(0.5) ? number("Time") : kBaseTime + static_cast<int64_t>(pick(86400 * 400));
  r.revoked = chance(0.02);
  r.agent = !s.agents.empty() && chance(0.93) ? s.agents[pick(s.agents.size())].name : (chance(0.5) ? "rogue" : "e1");
  if (s.agentEntity) {
    r.agentEntity = entityWithId(*s.agentEntity, r.agent, 0).n;
  } else {
    r.entities.push_back(Entity{kNoType, r.agent, false, {}});
    r.agentEntity = 0;
  }
  if (s.userEntity && chance(0.7)) r.user = entityValue(*s.userEntity, 0).n;
  r.action = static_cast<uint32_t>(pick(s.actions.size()));
  const sema::ActionInfo& a = s.actions[r.action];
  for (const sema::Field& p : a.params) r.params.push_back(value(p.type, 0));
  for (const sema::Field& f : a.args) r.args.push_back(fieldValue(f, 0));
  r.context = value(s.context().type, 0);
  cur_ = nullptr;
  return r;
}

}  // namespace agentpol::ref
