// mini.cpp — the mini schema, its default request and the eval()/load_error()
// harness used by the opcode and hostile-bundle tests.
#include "mini.h"

#include <stdexcept>

namespace agentpol::test {

ImageBuilder mini_schema() {
  ImageBuilder b;
  b.im.ns = "mini";
  b.add_enum("Color", {"red", "green", "blue"});
  uint32_t user = b.add_entity("User", {slot("name", Type::string()), slot("tags", Type::set_of(Type::string())),
                                        opt("level", Type::integer())});
  b.add_entity("Agent", {slot("model", Type::string())});
  uint32_t res = b.add_entity("Res", {slot("owner", Type::entity(user)), slot("size", Type::integer()),
                                      slot("labels", Type::set_of(Type::string()))});
  b.im.user_type = tUser;
  b.im.agent_type = tAgent;
  b.im.context = {slot("n", Type::integer()), slot("s", Type::string()), slot("m", eur()),
                  slot("d", Type::duration()), slot("t", Type::time()), slot("c", Type::enumeration(kColor)),
                  slot("ss", Type::set_of(Type::string())), slot("is", Type::set_of(Type::integer())),
                  slot("b", Type::boolean()), opt("opt", Type::integer()),
                  slot("es", Type::set_of(Type::entity(user)))};
  b.add_action("act", {slot("res", Type::entity(res))},
               {slot("i", Type::integer()), slot("s", Type::string()), opt("o", Type::integer())});
  b.add_action("other", {});
  return b;
}

void mini_request(Request& req) {
  req.set_now(1000);
  EntityRef a = req.set_agent("a1");
  req.set_attr(a, "model", Value::string("m"));
  EntityRef u = req.set_user("u1");
  Value tags[] = {Value::string("x"), Value::string("y")};
  req.set_attr(u, "name", Value::string("Ann"));
  req.set_attr(u, "tags", Value::set(tags, 2));
  req.set_action("act");
  EntityRef r = req.entity("Res", "r1");
  Value labels[] = {Value::string("l1")};
  req.set_attr(r, "owner", Value::entity(u));
  req.set_attr(r, "size", Value::integer(10));
  req.set_attr(r, "labels", Value::set(labels, 1));
  req.set_arg("res", Value::entity(r));
  req.set_arg("i", Value::integer(5));
  req.set_arg("s", Value::string("hello"));
  Value ss[] = {Value::string("a"), Value::string("b")};
  Value is[] = {Value::integer(1), Value::integer(2), Value::integer(3)};
  Value es[] = {Value::entity(u)};
  req.set_context("n", Value::integer(7));
  req.set_context("s", Value::string("abc"));
  req.set_context("m", Value::money(1234, "EUR"));
  req.set_context("d", Value::duration(60));
  req.set_context("t", Value::time(5000));
  req.set_context("c", Value::enumeration("green"));
  req.set_context("ss", Value::set(ss, 2));
  req.set_context("is", Value::set(is, 3));
  req.set_context("b", Value::boolean(true));
  req.set_context("es", Value::set(es, 1));
}

const char* tri_name(Tri t) { return t == Tri::True ? "true" : t == Tri::False ? "false" : "error"; }

namespace {

Result decide_with(ImageBuilder b, const CodeImage& c, Effect e, const std::function<void(Request&)>& tweak,
                   std::shared_ptr<const Bundle>* keep) {
  b.rule("cond", e, Side::Agent, {0}, c);
  b.rule("user-ok", Effect::Permit, Side::User, {0}, always(true));  // the user side never decides
  *keep = load_or_die(b.im);
  static thread_local std::unique_ptr<Request> req;
  req = std::make_unique<Request>(*keep);
  mini_request(*req);
  if (tweak) tweak(*req);
  return decide(**keep, *req);
}

}  // namespace

Tri eval(const Emit& emit, const std::function<void(Request&)>& tweak) {
  ImageBuilder b = mini_schema();
  CodeWriter w;
  emit(b, w);
  w.op(Op::RET);
  CodeImage c = w.finish();
  std::shared_ptr<const Bundle> keep;
  Result permit = decide_with(b, c, Effect::Permit, tweak, &keep);
  if (permit.reason == Reason::BadRequest) throw std::runtime_error("bad request: " + std::string(permit.message));
  bool p = permit.decision == Decision::Allow;
  Result forbid = decide_with(b, c, Effect::Forbid, tweak, &keep);
  bool f = forbid.reason == Reason::Forbidden;
  if (p && f) return Tri::True;
  if (!p && !f) return Tri::False;
  if (!p && f) return Tri::Error;
  throw std::runtime_error("permit matched but forbid did not");
}

std::string load_error(const Emit& emit) {
  ImageBuilder b = mini_schema();
  CodeWriter w;
  emit(b, w);
  b.rule("cond", Effect::Permit, Side::Agent, {0}, w.finish());
  LoadResult r = load_bundle(b.bytes());
  return r ? std::string() : r.error;
}

}  // namespace agentpol::test
