/* embed.c — embedding the agentpol runtime from C: load a bundle file (from
 * `agentpolc build`, or the one `embed_cpp OUT.apb` writes), decide one
 * request by name, print the decision. Usage: embed_c BUNDLE.apb */
#include <agentpol/agentpol.h>

#include <stdio.h>

int main(int argc, char** argv) {
  char err[256] = "";
  agentpol_bundle* bundle = NULL;
  agentpol_engine* engine = NULL;
  agentpol_request* req = NULL;
  agentpol_result res;
  int32_t doc;
  size_t i;
  if (argc != 2) {
    fprintf(stderr, "usage: %s BUNDLE.apb\n", argv[0]);
    return 2;
  }
  if (agentpol_bundle_load_file(argv[1], &bundle, err, sizeof err) != AGENTPOL_OK) {
    fprintf(stderr, "cannot load %s: %s\n", argv[1], err);
    return 1;
  }
  if (agentpol_engine_new(bundle, &engine) != AGENTPOL_OK || agentpol_request_new(engine, &req) != AGENTPOL_OK)
    return 1;
  agentpol_request_set_now(req, 1790812800);
  agentpol_request_set_agent(req, "reader");
  agentpol_request_set_action(req, "read");
  doc = agentpol_request_entity(req, "Doc", "d-1");
  agentpol_request_set_attr(req, doc, "owner", agentpol_string("alice"));
  agentpol_request_set_arg(req, "doc", agentpol_entity(doc));
  agentpol_request_set_arg(req, "reason", agentpol_string("summary"));
  if (agentpol_decide(engine, req, &res) != AGENTPOL_OK) return 1;
  printf("%s (%s)", res.decision_name, res.reason);
  for (i = 0; i < res.rule_count; ++i) printf(" %s", agentpol_result_rule(req, i));
  if (res.message[0]) printf(": %s", res.message);
  printf("\n");
  agentpol_request_free(req);
  agentpol_engine_free(engine);
  agentpol_bundle_free(bundle);
  return res.decision == AGENTPOL_ALLOW ? 0 : 3;
}
