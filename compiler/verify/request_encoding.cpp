// request_encoding.cpp — builds the symbolic request of one action and the
// entity model, recording every term's domain constraint once: Int-backed
// leaves in int64, entity ids injective (inv(id(e)) == e per entity term).
#include "verify/request_encoding.h"

namespace agentpol::verify {

using K = sema::Type::Kind;

AgentDomain AgentDomain::of(const sema::Schema& schema) {
  AgentDomain d;
  for (const sema::AgentInfo& a : schema.agents) d.names.push_back(a.name);
  return d;
}

int AgentDomain::indexOf(const std::string& name) const {
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<int>(i);
  return -1;
}

RequestEncoding::RequestEncoding(Z3Env& env, const sema::CheckedPolicy& policy, uint32_t action,
                                 AgentDomain agents)
    : now(env.ctx().int_const("now")),
      agentSel(env.ctx().int_const("agent.sel")),
      agentName(env.ctx().string_const("agent.id")),
      otherAgent(env.ctx().string_const("agent.other")),
      hasUser(env.ctx().bool_const("user.present")),
      env_(env),
      policy_(policy),
      action_(action),
      domain_(std::move(agents)) {
  z3::context& c = env.ctx();
  int n = static_cast<int>(domain_.names.size());
  noteLeaf(policy.types->time(), now);
  this->domain.push_back(agentSel >= 0 && agentSel <= n);
  z3::expr name = otherAgent;
  for (int i = n - 1; i >= 0; --i) {
    // Only "another name" needs to differ from the declared ones; guarded, the
    // string solver has nothing to do while a declared agent is selected.
    this->domain.push_back(z3::implies(agentSel == n, otherAgent != env.str(domain_.names[i])));
    name = z3::ite(agentSel == i, env.str(domain_.names[i]), name);
  }
  this->domain.push_back(agentName == name);
  stringTerms.push_back(otherAgent);
  const sema::Schema& s = policy.schema;
  if (s.agentEntity) {
    agentEnt = c.constant("agent", env.entitySort(s.entities[*s.agentEntity]));
    noteEntity(*s.agentEntity, *agentEnt);
    this->domain.push_back(entityId(*s.agentEntity, *agentEnt) == agentName);
  }
  if (s.userEntity) {
    userEnt = c.constant("user", env.entitySort(s.entities[*s.userEntity]));
    noteEntity(*s.userEntity, *userEnt);
  }
  auto var = [&](const std::string& nm, const z3::sort& so) { return c.constant(nm.c_str(), so); };
  for (const sema::Field& f : actionInfo().params) params.push_back(makeValue(f.type, "param." + f.name, var));
  for (const sema::Field& f : actionInfo().args) {
    args.push_back(makeValue(f.type, "arg." + f.name, var));
    argPresent.push_back(f.optional ? c.bool_const(("arg." + f.name + "?").c_str()) : c.bool_val(true));
  }
  context.emplace(makeValue(s.context().type, "ctx", var));
}

z3::expr RequestEncoding::agentIsDeclared() { return agentSel < static_cast<int>(domain_.names.size()); }

z3::expr RequestEncoding::agentIs(const std::string& name) {
  int i = domain_.indexOf(name);
  return i < 0 ? env_.ctx().bool_val(false) : agentSel == i;
}

z3::func_decl RequestEncoding::fn(const std::string& name, const z3::sort& from, const z3::sort& to) {
  return env_.ctx().function(name.c_str(), from, to);
}

void RequestEncoding::noteLeaf(const sema::Type* t, const z3::expr& term) {
  if (!recording_) return;
  if (!seen_.insert(Z3_get_ast_id(env_.ctx(), term)).second) return;
  switch (t->kind()) {
    case K::Int: case K::Money: domain.push_back(env_.inI64(term)); break;
    case K::Time: domain.push_back(env_.inTimeRange(term)); timeTerms.push_back(term); break;
    case K::Duration: domain.push_back(env_.inI64(term)); durationTerms.push_back(term); break;
    case K::String: stringTerms.push_back(term); break;
    case K::Entity: noteEntity(t->index(), term); break;
    default: break;
  }
}

void RequestEncoding::noteEntity(uint32_t entityType, const z3::expr& e) {
  if (!recording_) return;
  if (!seenEntities_.insert(Z3_get_ast_id(env_.ctx(), e)).second) return;
  entityTerms[entityType].push_back(e);
  // Injectivity of ids over the terms that occur: inv(id(e)) == e.
  domain.push_back(entityWithId(entityType, entityId(entityType, e)) == e);
  stringTerms.push_back(entityId(entityType, e));
  idTerms.push_back(entityId(entityType, e));
}

SymValue RequestEncoding::makeValue(const sema::Type* t, const std::string& name, const LeafFn& leaf) {
  z3::context& c = env_.ctx();
  if (t->kind() != K::Record) {
    z3::expr term = leaf(name, env_.sortOf(schema(), t));
    noteLeaf(t, term);
    return SymValue(t, term, c.bool_val(false));
  }
  SymValue rec(t, c.bool_val(true), c.bool_val(false));
  for (const sema::Field& f : schema().recordOf(t).fields) {
    std::string sub = name + "." + f.name;
    z3::expr present = f.optional ? leaf(sub + "?", c.bool_sort()) : c.bool_val(true);
    rec.fields.push_back(SymField{makeValue(f.type, sub, leaf), present});
  }
  return rec;
}

z3::expr RequestEncoding::entityId(uint32_t entityType, const z3::expr& e) {
  const sema::RecordInfo& info = schema().entities[entityType];
  return fn(info.name + ".id", env_.entitySort(info), env_.ctx().string_sort())(e);
}

z3::expr RequestEncoding::entityWithId(uint32_t entityType, const z3::expr& id) {
  const sema::RecordInfo& info = schema().entities[entityType];
  return fn(info.name + ".inv", env_.ctx().string_sort(), env_.entitySort(info))(id);
}

z3::expr RequestEncoding::attrsSupplied(uint32_t entityType, const z3::expr& e) {
  const sema::RecordInfo& info = schema().entities[entityType];
  return fn(info.name + ".attrs", env_.entitySort(info), env_.ctx().bool_sort())(e);
}

SymField RequestEncoding::attribute(uint32_t entityType, const z3::expr& e, uint32_t field) {
  const sema::RecordInfo& info = schema().entities[entityType];
  const sema::Field& f = info.fields[field];
  z3::sort from = env_.entitySort(info);
  auto leaf = [&](const std::string& nm, const z3::sort& so) { return fn(nm, from, so)(e); };
  std::string name = info.name + "." + f.name;
  z3::expr present = f.optional ? leaf(name + "?", env_.ctx().bool_sort()) : env_.ctx().bool_val(true);
  return SymField{makeValue(f.type, name, leaf), present};
}

}  // namespace agentpol::verify
