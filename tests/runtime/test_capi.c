/* test_capi.c — the C API exercised from C: loading (good file, corrupt
 * bytes), tool -> action lookup, building billing requests by name, decisions
 * with reasons and rule ids, bad requests, revocation, swap, the audit
 * callback and an audit sink that fails (no decision then). */
#include <agentpol/agentpol.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
#define EXPECT(c)                                                     \
  do {                                                                \
    if (!(c)) {                                                       \
      fprintf(stderr, "%s:%d: expectation failed: %s\n", __FILE__, __LINE__, #c); \
      ++failures;                                                     \
    }                                                                 \
  } while (0)

static const int64_t kNow = 1795874580; /* 2026-11-28T14:03:00Z */

static void token(agentpol_request* r) {
  agentpol_request_set_context(r, "intent", agentpol_enum("refund"));
  agentpol_request_set_context(r, "token.issued_at", agentpol_time(kNow - 180));
  agentpol_request_set_context(r, "token.expires_at", agentpol_time(kNow + 420));
  agentpol_request_set_context(r, "token.scopes", agentpol_set(NULL, 0));
}

static void refund(agentpol_request* r, int64_t cents, const char* currency) {
  agentpol_value roles[1];
  int32_t agent, user, order;
  agentpol_request_reset(r);
  agentpol_request_set_now(r, kNow);
  agent = agentpol_request_set_agent(r, "billing_assist_07");
  agentpol_request_set_attr(r, agent, "model", agentpol_string("m-2026"));
  user = agentpol_request_set_user(r, "4821");
  roles[0] = agentpol_string("customer");
  agentpol_request_set_attr(r, user, "roles", agentpol_set(roles, 1));
  agentpol_request_set_attr(r, user, "refund_limit", agentpol_money(10000, "EUR"));
  agentpol_request_set_attr(r, user, "region", agentpol_string("EU"));
  agentpol_request_set_action(r, "refund");
  order = agentpol_request_entity(r, "Order", "o-1");
  agentpol_request_set_attr(r, order, "customer", agentpol_entity(user));
  agentpol_request_set_attr(r, order, "total", agentpol_money(8000, "EUR"));
  agentpol_request_set_arg(r, "order", agentpol_entity(order));
  agentpol_request_set_arg(r, "amount", agentpol_money(cents, currency));
  agentpol_request_set_arg(r, "reason", agentpol_string("late delivery"));
  token(r);
}

static int audit_calls = 0;
static char last_audit[2048];
static void on_audit(void* user_data, const char* json, size_t len) {
  (void)user_data;
  ++audit_calls;
  if (len < sizeof last_audit) memcpy(last_audit, json, len + 1);
}

static int sink_fails = 0, sink_calls = 0;
static int audit_sink(void* user_data, const char* json, size_t len) {
  (void)user_data;
  (void)json;
  (void)len;
  ++sink_calls;
  return sink_fails;
}

static int has_rule(const agentpol_request* r, const agentpol_result* res, const char* id) {
  size_t i;
  for (i = 0; i < res->rule_count; ++i)
    if (strcmp(agentpol_result_rule(r, i), id) == 0) return 1;
  return 0;
}

int main(int argc, char** argv) {
  char err[256];
  agentpol_bundle* bundle = NULL;
  agentpol_engine* engine = NULL;
  agentpol_request* req = NULL;
  agentpol_result res;
  const uint8_t junk[] = {1, 2, 3};
  if (argc != 2) return 2;

  EXPECT(agentpol_bundle_load(junk, sizeof junk, &bundle, err, sizeof err) == AGENTPOL_ERR_LOAD);
  EXPECT(bundle == NULL && strlen(err) > 0);
  EXPECT(agentpol_bundle_load_file("/nonexistent/x.apb", &bundle, err, sizeof err) == AGENTPOL_ERR_IO);
  EXPECT(agentpol_bundle_load_file(argv[1], &bundle, err, sizeof err) == AGENTPOL_OK);
  if (!bundle) return 1;
  EXPECT(agentpol_engine_new(bundle, &engine) == AGENTPOL_OK);
  /* No `@tool` in billing: each action stands for the tool of its name. */
  EXPECT(agentpol_bundle_action_for_tool(bundle, "refund") != NULL &&
         strcmp(agentpol_bundle_action_for_tool(bundle, "refund"), "refund") == 0);
  EXPECT(agentpol_bundle_action_for_tool(bundle, "delete_everything") == NULL);
  EXPECT(agentpol_bundle_action_for_tool(bundle, NULL) == NULL);
  EXPECT(agentpol_engine_set_audit(engine, on_audit, NULL) == AGENTPOL_OK);
  EXPECT(agentpol_request_new(engine, &req) == AGENTPOL_OK);
  EXPECT(agentpol_decide(NULL, req, &res) == AGENTPOL_ERR_ARGUMENT);

  refund(req, 3200, "EUR");
  EXPECT(agentpol_request_error(req) == NULL);
  EXPECT(agentpol_decide(engine, req, &res) == AGENTPOL_OK);
  EXPECT(res.decision == AGENTPOL_ALLOW);
  EXPECT(strcmp(res.reason, "permitted") == 0);
  EXPECT(res.rule_count == 2 && has_rule(req, &res, "small-refunds") && has_rule(req, &res, "user-refund"));
  EXPECT(agentpol_result_rule(req, 2) == NULL);
  EXPECT(audit_calls == 1 && strstr(last_audit, "\"decision\":\"allow\"") != NULL);

  refund(req, 6000, "EUR");
  EXPECT(agentpol_decide(engine, req, &res) == AGENTPOL_OK);
  EXPECT(res.decision == AGENTPOL_ESCALATE && strcmp(res.reason, "escalated") == 0);
  EXPECT(res.rule_count == 1 && has_rule(req, &res, "large-refunds-to-human"));

  refund(req, 3200, "USD");
  EXPECT(agentpol_request_error(req) != NULL);
  EXPECT(agentpol_decide(engine, req, &res) == AGENTPOL_OK);
  EXPECT(res.decision == AGENTPOL_DENY && strcmp(res.reason, "bad_request") == 0);
  EXPECT(strstr(res.message, "USD") != NULL);

  refund(req, 3200, "EUR");
  agentpol_request_set_arg(req, "no_such_arg", agentpol_int(1));
  EXPECT(agentpol_decide(engine, req, &res) == AGENTPOL_OK);
  EXPECT(strcmp(res.reason, "bad_request") == 0 && strstr(res.message, "no_such_arg") != NULL);

  refund(req, 3200, "EUR");
  EXPECT(agentpol_engine_revoke(engine, "billing_assist_07") == AGENTPOL_OK);
  EXPECT(agentpol_decide(engine, req, &res) == AGENTPOL_OK);
  EXPECT(res.decision == AGENTPOL_DENY && strcmp(res.reason, "revoked") == 0 && res.rule_count == 0);
  EXPECT(agentpol_engine_unrevoke(engine, "billing_assist_07") == AGENTPOL_OK);
  EXPECT(agentpol_engine_swap(engine, bundle) == AGENTPOL_OK);
  EXPECT(agentpol_decide(engine, req, &res) == AGENTPOL_OK);
  EXPECT(res.decision == AGENTPOL_ALLOW && strcmp(res.decision_name, "allow") == 0);
  EXPECT(audit_calls == 6);

  /* A sink that stores the record: the decision as usual. */
  EXPECT(agentpol_engine_set_audit_sink(engine, audit_sink, NULL) == AGENTPOL_OK);
  EXPECT(agentpol_decide(engine, req, &res) == AGENTPOL_OK);
  EXPECT(res.decision == AGENTPOL_ALLOW && sink_calls == 1 && audit_calls == 6);
  /* A sink that fails: no decision, deny / audit_failed, AGENTPOL_ERR_AUDIT. */
  sink_fails = 1;
  EXPECT(agentpol_decide(engine, req, &res) == AGENTPOL_ERR_AUDIT);
  EXPECT(res.decision == AGENTPOL_DENY && strcmp(res.decision_name, "deny") == 0);
  EXPECT(strcmp(res.reason, "audit_failed") == 0 && res.rule_count == 0);
  EXPECT(strstr(res.message, "audit") != NULL);
  EXPECT(sink_calls == 2);
  EXPECT(agentpol_engine_set_audit_sink(engine, NULL, NULL) == AGENTPOL_OK);
  EXPECT(agentpol_decide(engine, req, &res) == AGENTPOL_OK && res.decision == AGENTPOL_ALLOW && sink_calls == 2);

  agentpol_request_free(req);
  agentpol_engine_free(engine);
  agentpol_bundle_free(bundle);
  if (failures) fprintf(stderr, "%d failures\n", failures);
  return failures ? 1 : 0;
}
