// image_builder.cpp — ImageBuilder and the hand-lowered billing policy (see
// shared/conformance/billing/policy.agentpol; each rule's code is written as
// the codegen would emit it).
#include "image_builder.h"

#include <stdexcept>

namespace agentpol::test {

uint32_t ImageBuilder::add_enum(std::string name, std::vector<std::string> values) {
  im.enums.push_back({std::move(name), std::move(values)});
  return static_cast<uint32_t>(im.enums.size() - 1);
}
uint32_t ImageBuilder::add_entity(std::string name, std::vector<SlotImage> attrs) {
  im.entity_types.push_back({std::move(name), std::move(attrs)});
  return static_cast<uint32_t>(im.entity_types.size() - 1);
}
uint32_t ImageBuilder::add_action(std::string name, std::vector<SlotImage> params, std::vector<SlotImage> args) {
  im.actions.push_back({std::move(name), std::move(params), std::move(args)});
  return static_cast<uint32_t>(im.actions.size() - 1);
}
uint32_t ImageBuilder::add_agent(std::string name, std::vector<uint32_t> may, bool scoped) {
  AgentImage a;
  a.name = std::move(name);
  a.owner = "team";
  a.purpose = "tests";
  a.has_scope = scoped || !may.empty();
  a.may = std::move(may);
  im.agents.push_back(a);
  return static_cast<uint32_t>(im.agents.size() - 1);
}
uint32_t ImageBuilder::k(const ConstImage& c) {
  for (size_t i = 0; i < im.constants.size(); ++i)
    if (im.constants[i] == c) return static_cast<uint32_t>(i);
  im.constants.push_back(c);
  return static_cast<uint32_t>(im.constants.size() - 1);
}
uint32_t ImageBuilder::pattern(const std::string& glob) {
  im.patterns.push_back(PatternImage::from_glob(glob));
  return static_cast<uint32_t>(im.patterns.size() - 1);
}
uint32_t ImageBuilder::code(const CodeImage& c) {
  for (size_t i = 0; i < im.code.size(); ++i)
    if (im.code[i] == c) return static_cast<uint32_t>(i);
  im.code.push_back(c);
  return static_cast<uint32_t>(im.code.size() - 1);
}
uint32_t ImageBuilder::rule(std::string id, Effect e, Side side, std::vector<uint32_t> actions, const CodeImage& c,
                            std::vector<uint32_t> agents) {
  RuleImage r;
  r.id = std::move(id);
  r.effect = e;
  r.side = side;
  r.all_agents = agents.empty();
  r.agents = std::move(agents);
  uint32_t ci = code(c);
  for (uint32_t a : actions) r.bodies.push_back({a, ci});
  im.rules.push_back(std::move(r));
  return static_cast<uint32_t>(im.rules.size() - 1);
}

CodeImage always(bool v) {
  CodeWriter w;
  w.op(Op::BOOL, v ? 1 : 0).op(Op::RET);
  return w.finish();
}

CodeImage absent_or_at_most(ImageBuilder& b, uint32_t arg, int64_t max) {
  CodeWriter w;
  auto done = w.label();
  w.op(Op::HAS_ARG, arg).op(Op::NOT).jump(Op::JTK, done);
  w.op(Op::ARG, arg).op(Op::CONST, b.k_int(max)).op(Op::LE);
  w.bind(done).op(Op::RET);
  return w.finish();
}

std::shared_ptr<const Bundle> load_or_die(const BundleImage& im) {
  LoadResult r = load_bundle(serialize(im));
  if (!r) throw std::runtime_error("test bundle does not load: " + r.error);
  return r.bundle;
}

std::string load_error_of(const BundleImage& im) {
  LoadResult r = load_bundle(serialize(im));
  return r ? std::string() : r.error;
}

namespace {

// Context slots of the billing policy.
enum : uint32_t { kIntent = 0, kIssued = 1, kExpires = 2, kScopes = 3 };

CodeImage stale_token(ImageBuilder& b) {
  // forbid unless (now < t.expires_at && t.expires_at - t.issued_at <= 15m)
  CodeWriter w;
  auto done = w.label();
  w.op(Op::NOW).op(Op::CTX, kExpires).op(Op::LT).jump(Op::JFK, done);
  w.op(Op::CTX, kExpires).op(Op::CTX, kIssued).op(Op::SUB);
  w.op(Op::CONST, b.k(ConstImage::scalar(Type::duration(), 15 * 60))).op(Op::LE);
  w.bind(done).op(Op::NOT).op(Op::RET);
  return w.finish();
}

CodeImage amount_cmp(ImageBuilder& b, Op cmp, int64_t cents, bool with_intent, uint32_t intent_enum) {
  CodeWriter w;
  auto done = w.label();
  w.op(Op::ARG, 0).op(Op::CONST, b.k_eur(cents)).op(cmp);
  if (with_intent) {
    w.jump(Op::JFK, done).op(Op::CTX, kIntent);
    w.op(Op::CONST, b.k(ConstImage::scalar(Type::enumeration(intent_enum), 0))).op(Op::EQ);
  }
  w.bind(done).op(Op::RET);
  return w.finish();
}

CodeImage intent_is_not_payout(ImageBuilder& b, uint32_t intent_enum) {
  CodeWriter w;
  w.op(Op::CTX, kIntent).op(Op::CONST, b.k(ConstImage::scalar(Type::enumeration(intent_enum), 1)));
  w.op(Op::NE).op(Op::RET);
  return w.finish();
}

// order.customer == user  (Order = entity 2, customer = attr 0)
void customer_is_user(CodeWriter& w) { w.op(Op::PARAM, 0).op(Op::ATTR, 2, 0).op(Op::USER).op(Op::EQ); }

void user_is_admin(ImageBuilder& b, CodeWriter& w) {
  w.op(Op::CONST, b.k_str("billing_admin")).op(Op::USER).op(Op::ATTR, 0, 0).op(Op::IN);
}

}  // namespace

BundleImage billing_image() {
  ImageBuilder b;
  b.im.ns = "billing";
  for (size_t i = 0; i < 32; ++i) b.im.source_hash[i] = static_cast<uint8_t>(i * 7 + 1);
  uint32_t intent = b.add_enum("Intent", {"refund", "payout", "question"});
  b.im.records.push_back({"Token", {slot("issued_at", Type::time()), slot("expires_at", Type::time()),
                                    slot("scopes", Type::set_of(Type::string()))}});
  uint32_t user = b.add_entity("User", {slot("roles", Type::set_of(Type::string())), slot("refund_limit", eur()),
                                        slot("region", Type::string())});
  uint32_t agent = b.add_entity("Agent", {slot("model", Type::string())});
  uint32_t order = b.add_entity("Order", {slot("customer", Type::entity(user)), slot("total", eur())});
  uint32_t account = b.add_entity("Account", {slot("holder", Type::entity(user))});
  b.im.agent_type = agent;
  b.im.user_type = user;
  b.im.context = {slot("intent", Type::enumeration(intent)), slot("token.issued_at", Type::time()),
                  slot("token.expires_at", Type::time()), slot("token.scopes", Type::set_of(Type::string()))};
  uint32_t refund = b.add_action("refund", {slot("order", Type::entity(order))},
                                 {slot("amount", eur()), slot("reason", Type::string())});
  uint32_t read = b.add_action("read_invoice", {slot("order", Type::entity(order))});
  uint32_t payout = b.add_action("payout", {slot("account", Type::entity(account))}, {slot("amount", eur())});
  uint32_t ba = b.add_agent("billing_assist_07", {refund, read, payout});
  b.im.agents[ba] = AgentImage{"billing_assist_07", "team-billing", "answers billing questions, issues small refunds",
                               1790812800, std::nullopt, true, {refund, read, payout}};
  b.add_agent("support_bot", {read});
  b.im.agents[1] = AgentImage{"support_bot", "team-support", "reads invoices to answer questions", 1793491200,
                              std::nullopt, true, {read}};

  b.rule("stale-token", Effect::Forbid, Side::Agent, {refund, read, payout}, stale_token(b));
  b.rule("small-refunds", Effect::Permit, Side::Agent, {refund}, amount_cmp(b, Op::LE, 5000, true, intent), {ba});
  b.rule("large-refunds-to-human", Effect::Escalate, Side::Agent, {refund}, amount_cmp(b, Op::GT, 5000, false, 0), {ba});
  b.rule("read-invoices", Effect::Permit, Side::Agent, {read}, always(true));
  b.rule("payout-only-when-asked", Effect::Forbid, Side::Agent, {payout}, intent_is_not_payout(b, intent));
  b.rule("payout-agent", Effect::Permit, Side::Agent, {payout}, amount_cmp(b, Op::LE, 20000, false, 0), {ba});
  {
    CodeWriter w;
    auto done = w.label();
    customer_is_user(w);
    w.jump(Op::JFK, done).op(Op::ARG, 0).op(Op::USER).op(Op::ATTR, 0, 1).op(Op::LE);
    w.bind(done).op(Op::RET);
    b.rule("user-refund", Effect::Permit, Side::User, {refund}, w.finish());
  }
  {
    CodeWriter w;
    auto done = w.label();
    customer_is_user(w);
    w.jump(Op::JTK, done);
    user_is_admin(b, w);
    w.bind(done).op(Op::RET);
    b.rule("user-invoice", Effect::Permit, Side::User, {read}, w.finish());
  }
  {
    CodeWriter w;
    user_is_admin(b, w);
    w.op(Op::RET);
    b.rule("user-payout", Effect::Permit, Side::User, {payout}, w.finish());
  }
  return b.im;
}

}  // namespace agentpol::test
