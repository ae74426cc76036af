// request_build.cpp — ref::Request -> agentpol::Request through the runtime's
// public API, flattening records into dotted slot names ("token.issued_at")
// the way docs/codegen.md says bundles lay them out. An absent optional
// record leaves all its slots absent.
#include <deque>

#include "request_gen.h"

namespace agentpol::ref {
namespace {

using TK = sema::Type::Kind;

struct Builder {
  const sema::CheckedPolicy& policy;
  const Request& r;
  agentpol::Request& out;
  std::vector<EntityRef> refs;
  std::deque<std::vector<agentpol::Value>> sets;  // keeps set items alive during a call

  EntityRef entity(int64_t i) {
    EntityRef& ref = refs.at(static_cast<size_t>(i));
    if (!ref.valid()) {
      const Entity& e = r.entities[static_cast<size_t>(i)];
      ref = out.entity(policy.schema.entities.at(e.type).name, e.id);
    }
    return ref;
  }

  agentpol::Value scalar(const sema::Type* t, const Value& v) {
    switch (t->kind()) {
      case TK::Bool: return agentpol::Value::boolean(v.n != 0);
      case TK::Int: return agentpol::Value::integer(v.n);
      case TK::Money: return agentpol::Value::money(v.n, t->currency());
      case TK::Duration: return agentpol::Value::duration(v.n);
      case TK::Time: return agentpol::Value::time(v.n);
      case TK::String: return agentpol::Value::string(v.s);
      case TK::Enum: return agentpol::Value::enumeration(policy.schema.enums[t->index()].values.at(static_cast<size_t>(v.n)));
      case TK::Entity: return agentpol::Value::entity(entity(v.n));
      case TK::Set: {
        std::vector<agentpol::Value>& items = sets.emplace_back();
        for (const Value& x : v.items) items.push_back(scalar(t->element(), x));
        return agentpol::Value::set(items.data(), items.size());
      }
      default: return agentpol::Value::null();
    }
  }

  // Calls set(path, value) for every leaf slot of field `name` of type t.
  template <class Set>
  void field(const std::string& name, const sema::Type* t, const Value& v, Set set) {
    if (v.absent()) return;
    if (t->kind() != TK::Record) return set(name, scalar(t, v));
    const auto& fields = policy.schema.records[t->index()].fields;
    for (size_t i = 0; i < fields.size(); ++i) field(name + "." + fields[i].name, fields[i].type, v.items[i], set);
  }

  void run() {
    out.reset();
    refs.assign(r.entities.size(), EntityRef{});
    out.set_now(r.now);
    refs.at(static_cast<size_t>(r.agentEntity)) = out.set_agent(r.agent);
    if (r.user >= 0) refs.at(static_cast<size_t>(r.user)) = out.set_user(r.entities[static_cast<size_t>(r.user)].id);
    out.set_action(ActionHandle{r.action});
    const sema::ActionInfo& a = policy.schema.actions[r.action];
    auto arg = [&](const std::string& n, const agentpol::Value& v) { out.set_arg(n, v); };
    for (size_t i = 0; i < a.params.size(); ++i) out.set_arg(a.params[i].name, scalar(a.params[i].type, r.params[i]));
    for (size_t i = 0; i < a.args.size(); ++i) field(a.args[i].name, a.args[i].type, r.args[i], arg);
    const auto& ctx = policy.schema.context().fields;
    auto setCtx = [&](const std::string& n, const agentpol::Value& v) { out.set_context(n, v); };
    for (size_t i = 0; i < ctx.size(); ++i) field(ctx[i].name, ctx[i].type, r.context.items[i], setCtx);
    for (size_t i = 0; i < r.entities.size(); ++i) {
      const Entity& e = r.entities[i];
      if (!e.hasAttrs || e.type == kNoType) continue;
      EntityRef ref = entity(static_cast<int64_t>(i));
      out.begin_attrs(ref);
      auto setAttr = [&](const std::string& n, const agentpol::Value& v) { out.set_attr(ref, n, v); };
      const auto& fields = policy.schema.entities[e.type].fields;
      for (size_t f = 0; f < fields.size(); ++f) field(fields[f].name, fields[f].type, e.attrs[f], setAttr);
      out.end_attrs(ref);
    }
  }
};

}  // namespace

void buildRequest(const sema::CheckedPolicy& policy, const Request& r, agentpol::Request& out) {
  Builder{policy, r, out, {}, {}}.run();
}

}  // namespace agentpol::ref
