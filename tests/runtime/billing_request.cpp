// billing_request.cpp — the two billing requests of billing_request.h built
// with handles resolved by name (what an embedding host does).
#include "billing_request.h"

namespace agentpol::test {

namespace {

constexpr int64_t kNow = 1795874580;  // 2026-11-28T14:03:00Z

void token(Request& req) {
  req.set_context("intent", Value::enumeration("refund"));
  req.set_context("token.issued_at", Value::time(kNow - 180));
  req.set_context("token.expires_at", Value::time(kNow + 420));
  req.set_context("token.scopes", Value::set(nullptr, 0));
}

}  // namespace

void support_bot_reads(Request& req) {
  req.set_now(kNow);
  EntityRef a = req.set_agent("support_bot");
  req.set_attr(a, "model", Value::string("m-2026"));
  req.set_action("read_invoice");
  req.set_arg("order", Value::entity(req.entity("Order", "o-1")));
  token(req);
}

void assistant_refunds(Request& req, int64_t cents) {
  req.set_now(kNow);
  EntityRef a = req.set_agent("billing_assist_07");
  req.set_attr(a, "model", Value::string("m-2026"));
  EntityRef u = req.set_user("4821");
  Value roles[] = {Value::string("customer")};
  req.set_attr(u, "roles", Value::set(roles, 1));
  req.set_attr(u, "refund_limit", Value::money(10000, "EUR"));
  req.set_attr(u, "region", Value::string("EU"));
  req.set_action("refund");
  EntityRef o = req.entity("Order", "o-1");
  req.set_attr(o, "customer", Value::entity(u));
  req.set_attr(o, "total", Value::money(8000, "EUR"));
  req.set_arg("order", Value::entity(o));
  req.set_arg("amount", Value::money(cents, "EUR"));
  req.set_arg("reason", Value::string("late delivery"));
  token(req);
}

}  // namespace agentpol::test
