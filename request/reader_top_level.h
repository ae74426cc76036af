// reader_top_level.h — private to request/ (included by reader_core.h): the
// top-level fields of a request (spec section 8): now, agent, user, action,
// args, context, entities. Fields are read in that order; the first problem
// is the message.
#pragma once

#include <algorithm>
#include <iterator>

#include "request/reader_core.h"

namespace agentpol::request::detail {

inline constexpr std::string_view kTopLevel[] = {"now", "agent", "user", "action", "args", "context", "entities"};

template <class View>
void Reader<View>::readRequest(Node root) {
  Node at[std::size(kTopLevel)];
  if (!checkTopLevel(root, at)) return;
  uint32_t action = kNone;
  Path now{nullptr, "now"}, agent{nullptr, "agent"}, user{nullptr, "user"}, args{nullptr, "args"},
      context{nullptr, "context"}, entities{nullptr, "entities"};
  if (!readNow(at[0], &now) || !readAgent(at[1], &agent) || !readUser(at[2], &user) || !readAction(at[3], &action))
    return;
  // An absent `args` or `context` reads as {}: its required fields are missing.
  const FieldSet& as = schema_.action(action);
  if (!fields(as.fields, at[4], &args, {Target::Kind::Action, {}, as.what})) return;
  const FieldSet& cs = schema_.context();
  if (!fields(cs.fields, at[5], &context, {Target::Kind::Context, {}, cs.what})) return;
  if (!absent(at[6])) readEntities(at[6], &entities);
}

// One pass over the top-level members: each known one's node into at[]
// (in kTopLevel order, kAbsent when absent); unknown or repeated keys fail.
template <class View>
bool Reader<View>::checkTopLevel(Node root, Node* at) {
  std::fill(at, at + std::size(kTopLevel), View::kAbsent);
  return v_.members(root, [&](std::string_view k, Node c) {
    size_t i = 0;
    while (i < std::size(kTopLevel) && !sameName(kTopLevel[i], k)) ++i;
    Path p{nullptr, k};
    if (i == std::size(kTopLevel))
      return fail(&p, "unknown top-level field (expected now, agent, user, action, args, context, entities)");
    if (!absent(at[i])) return fail(&p, "given twice");
    at[i] = c;
    return true;
  });
}

template <class View>
bool Reader<View>::readNow(Node n, const Path* p) {
  if (absentOrNull(n)) return fail(p, "missing (the time of the request)");
  Value v;
  if (!text(Type::time(), n, p, &v)) return false;
  hasNow_ = true;
  now_ = v.n;
  req_.set_now(v.n);
  return true;
}

template <class View>
bool Reader<View>::entityId(Node obj, const Path* p, std::string_view* id) {
  Node n = v_.find(obj, "id");
  Path ip{p, "id"};
  if (absent(n)) return fail(p, "missing `id`");
  if (v_.kind(n) != JsonKind::String) return fail(&ip, "expected a string id, got " + describe(n));
  *id = v_.string(n);
  if (id->empty()) return fail(&ip, "empty id");
  return true;
}

template <class View>
bool Reader<View>::readAgent(Node n, const Path* p) {
  if (absentOrNull(n)) return fail(p, "missing (the acting agent)");
  if (v_.kind(n) != JsonKind::Object) return fail(p, "expected an agent {\"id\": …, \"attrs\": {…}}, got " + describe(n));
  bool seenId = false, seenAttrs = false;
  bool ok = v_.members(n, [&](std::string_view k, Node) {
    Path kp{p, k};
    if (k != "id" && k != "attrs") return fail(&kp, "unknown field of the agent (expected id, attrs)");
    bool& seen = k == "id" ? seenId : seenAttrs;
    if (seen) return fail(&kp, "given twice");
    seen = true;
    return true;
  });
  if (!ok || !entityId(n, p, &agent_)) return false;
  EntityRef e = req_.set_agent(agent_);
  Node at = v_.find(n, "attrs");
  if (absentOrNull(at)) return true;  // a reference
  Path ap{p, "attrs"};
  const auto& type = schema_.image().agent_type;
  if (type) return attrs(e, *type, at, &ap);
  if (v_.kind(at) != JsonKind::Object) return fail(&ap, "expected an object, got " + describe(at));
  return v_.members(at, [&](std::string_view k, Node) {
    Path kp{&ap, k};
    return fail(&kp, "unknown attribute: the policy declares no `Agent` entity, so agents have no attributes");
  });
}

template <class View>
bool Reader<View>::readUser(Node n, const Path* p) {
  if (absentOrNull(n)) return true;  // no delegating user
  const auto& type = schema_.image().user_type;
  if (!type) return fail(p, "the policy declares no `User` entity, so a request cannot have a user");
  EntityRef e;
  if (!entity(*type, n, p, &e)) return false;
  user_ = v_.string(v_.find(n, "id"));
  hasUser_ = true;
  req_.set_user(user_);
  return req_.ok();
}

template <class View>
bool Reader<View>::readAction(Node n, uint32_t* action) {
  Path p{nullptr, "action"};
  if (absentOrNull(n)) return fail(&p, "missing (the name of a declared action)");
  if (v_.kind(n) != JsonKind::String) return fail(&p, "expected an action name, got " + describe(n));
  ActionHandle a = bundle_.action(v_.string(n));
  if (!a.valid()) return fail(&p, "unknown action " + describe(n));
  req_.set_action(a);
  action_ = *action = a.index;
  return true;
}

template <class View>
bool Reader<View>::readEntities(Node n, const Path* p) {
  if (v_.kind(n) == JsonKind::Null) return true;
  if (v_.kind(n) != JsonKind::Array) return fail(p, "expected an array of entities, got " + describe(n));
  size_t i = 0;
  return v_.elements(n, [&](Node c) {
    Path ep{p, {}, i++}, tp{&ep, "type"};
    if (v_.kind(c) != JsonKind::Object)
      return fail(&ep, "expected an entity {\"type\": …, \"id\": …, \"attrs\": {…}}, got " + describe(c));
    Node t = v_.find(c, "type");
    if (absent(t)) return fail(&ep, "missing `type`");
    if (v_.kind(t) != JsonKind::String) return fail(&tp, "expected an entity type name, got " + describe(t));
    EntityTypeHandle type = bundle_.entity_type(v_.string(t));
    if (!type.valid()) return fail(&tp, "unknown entity type " + describe(t));
    EntityRef e;
    return entity(type.index, c, &ep, &e);
  });
}

}  // namespace agentpol::request::detail
