// request_reader.cpp — RequestReader's entry points and the top-level fields
// of a request (spec section 8): now, agent, user, action, args, context,
// entities. Fields are read in that order; the first problem is the message.
#include "request/request_reader.h"

#include <algorithm>
#include <iterator>

#include "request/reader_impl.h"
#include "request/value_text.h"

namespace agentpol::request {

RequestReader::RequestReader(std::shared_ptr<const Bundle> bundle) : schema_(std::move(bundle)) {}

ReadStatus RequestReader::read(std::string_view text, Request& req, std::string* error) {
  if (!tree_.parse(text, error)) {
    req.reset();
    *error = "not JSON: " + *error;
    return ReadStatus::Unreadable;
  }
  return read(tree_, 0, req, error);
}

ReadStatus RequestReader::read(const JsonTree& tree, uint32_t node, Request& req, std::string* error) {
  req.reset();
  if (node >= tree.size() || tree.node(node).kind != JsonKind::Object) {
    *error = "a request must be a JSON object";
    return ReadStatus::Unreadable;
  }
  items_.clear();
  seen_.clear();
  detail::Reader(schema_, tree, req, items_, seen_).readRequest(node);
  return ReadStatus::Ok;
}

namespace detail {
namespace {

constexpr std::string_view kTopLevel[] = {"now", "agent", "user", "action", "args", "context", "entities"};

}  // namespace

void Reader::readRequest(uint32_t root) {
  uint32_t at[std::size(kTopLevel)];
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
  if (at[6] != kNoNode) readEntities(at[6], &entities);
}

// One pass over the top-level members: each known one's node into at[]
// (in kTopLevel order, kNoNode when absent); unknown or repeated keys fail.
bool Reader::checkTopLevel(uint32_t root, uint32_t* at) {
  std::fill(at, at + std::size(kTopLevel), kNoNode);
  for (uint32_t c = root + 1; c < tree_.node(root).end; c = tree_.node(c).end) {
    std::string_view k = tree_.key(tree_.node(c));
    size_t i = 0;
    while (i < std::size(kTopLevel) && kTopLevel[i] != k) ++i;
    Path p{nullptr, k};
    if (i == std::size(kTopLevel))
      return fail(&p, "unknown top-level field (expected now, agent, user, action, args, context, entities)");
    if (at[i] != kNoNode) return fail(&p, "given twice");
    at[i] = c;
  }
  return true;
}

bool Reader::readNow(uint32_t n, const Path* p) {
  if (n == kNoNode || tree_.node(n).kind == JsonKind::Null) return fail(p, "missing (the time of the request)");
  Value v;
  if (!text(Type::time(), n, p, &v)) return false;
  hasNow_ = true;
  now_ = v.n;
  req_.set_now(v.n);
  return true;
}

bool Reader::entityId(uint32_t obj, const Path* p, std::string_view* id) {
  uint32_t n = tree_.find(obj, "id");
  Path ip{p, "id"};
  if (n == kNoNode) return fail(p, "missing `id`");
  if (tree_.node(n).kind != JsonKind::String) return fail(&ip, "expected a string id, got " + describe(n));
  *id = tree_.str(tree_.node(n));
  if (id->empty()) return fail(&ip, "empty id");
  return true;
}

bool Reader::readAgent(uint32_t n, const Path* p) {
  if (n == kNoNode || tree_.node(n).kind == JsonKind::Null) return fail(p, "missing (the acting agent)");
  if (tree_.node(n).kind != JsonKind::Object) return fail(p, "expected an agent {\"id\": …, \"attrs\": {…}}, got " + describe(n));
  for (uint32_t c = n + 1; c < tree_.node(n).end; c = tree_.node(c).end) {
    std::string_view k = tree_.key(tree_.node(c));
    Path kp{p, k};
    if (k != "id" && k != "attrs") return fail(&kp, "unknown field of the agent (expected id, attrs)");
    if (tree_.find(n, k) != c) return fail(&kp, "given twice");
  }
  if (!entityId(n, p, &agent_)) return false;
  EntityRef e = req_.set_agent(agent_);
  uint32_t at = tree_.find(n, "attrs");
  if (at == kNoNode || tree_.node(at).kind == JsonKind::Null) return true;  // a reference
  Path ap{p, "attrs"};
  const auto& type = schema_.image().agent_type;
  if (type) return attrs(e, *type, at, &ap);
  if (tree_.node(at).kind != JsonKind::Object) return fail(&ap, "expected an object, got " + describe(at));
  if (tree_.node(at).count != 0) {
    Path kp{&ap, tree_.key(tree_.node(at + 1))};
    return fail(&kp, "unknown attribute: the policy declares no `Agent` entity, so agents have no attributes");
  }
  return true;
}

bool Reader::readUser(uint32_t n, const Path* p) {
  if (n == kNoNode || tree_.node(n).kind == JsonKind::Null) return true;  // no delegating user
  const auto& type = schema_.image().user_type;
  if (!type) return fail(p, "the policy declares no `User` entity, so a request cannot have a user");
  EntityRef e;
  if (!entity(*type, n, p, &e)) return false;
  user_ = tree_.str(tree_.node(tree_.find(n, "id")));
  hasUser_ = true;
  req_.set_user(user_);
  return req_.ok();
}

bool Reader::readAction(uint32_t n, uint32_t* action) {
  Path p{nullptr, "action"};
  if (n == kNoNode || tree_.node(n).kind == JsonKind::Null) return fail(&p, "missing (the name of a declared action)");
  if (tree_.node(n).kind != JsonKind::String) return fail(&p, "expected an action name, got " + describe(n));
  ActionHandle a = bundle_.action(tree_.str(tree_.node(n)));
  if (!a.valid()) return fail(&p, "unknown action " + describe(n));
  req_.set_action(a);
  action_ = *action = a.index;
  return true;
}

bool Reader::readEntities(uint32_t n, const Path* p) {
  if (tree_.node(n).kind == JsonKind::Null) return true;
  if (tree_.node(n).kind != JsonKind::Array) return fail(p, "expected an array of entities, got " + describe(n));
  size_t i = 0;
  for (uint32_t c = n + 1; c < tree_.node(n).end; c = tree_.node(c).end, ++i) {
    Path ep{p, {}, i}, tp{&ep, "type"};
    if (tree_.node(c).kind != JsonKind::Object)
      return fail(&ep, "expected an entity {\"type\": …, \"id\": …, \"attrs\": {…}}, got " + describe(c));
    uint32_t t = tree_.find(c, "type");
    if (t == kNoNode) return fail(&ep, "missing `type`");
    if (tree_.node(t).kind != JsonKind::String) return fail(&tp, "expected an entity type name, got " + describe(t));
    EntityTypeHandle type = bundle_.entity_type(tree_.str(tree_.node(t)));
    if (!type.valid()) return fail(&tp, "unknown entity type " + describe(t));
    EntityRef e;
    if (!entity(type.index, c, &ep, &e)) return false;
  }
  return true;
}

}  // namespace detail
}  // namespace agentpol::request
