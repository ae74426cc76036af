/* agentpol/agentpol.h — the C API of the agentpol runtime: opaque handles,
 * status codes, no exceptions across the boundary. Load a bundle, make an
 * engine, build requests by name, decide. Thread safety as in C++: an engine
 * is shared by threads; a request belongs to one thread at a time. */
#ifndef AGENTPOL_AGENTPOL_H
#define AGENTPOL_AGENTPOL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct agentpol_bundle agentpol_bundle;
typedef struct agentpol_engine agentpol_engine;
typedef struct agentpol_request agentpol_request;

typedef enum agentpol_status {
  AGENTPOL_OK = 0,
  AGENTPOL_ERR_ARGUMENT = 1, /* a null or invalid argument */
  AGENTPOL_ERR_LOAD = 2,     /* the bundle is invalid (message in err) */
  AGENTPOL_ERR_IO = 3,       /* the file cannot be read */
  AGENTPOL_ERR_MEMORY = 4,
  AGENTPOL_ERR_INTERNAL = 5,
  AGENTPOL_ERR_AUDIT = 6     /* agentpol_decide: the audit sink failed; no decision was made */
} agentpol_status;

typedef enum agentpol_decision {
  AGENTPOL_DENY = 0,
  AGENTPOL_ESCALATE = 1,
  AGENTPOL_ALLOW = 2
} agentpol_decision;

typedef enum agentpol_kind {
  AGENTPOL_NULL = 0, AGENTPOL_BOOL, AGENTPOL_INT, AGENTPOL_STRING, AGENTPOL_MONEY,
  AGENTPOL_DURATION, AGENTPOL_TIME, AGENTPOL_ENUM, AGENTPOL_ENTITY, AGENTPOL_SET
} agentpol_kind;

/* A request input value (a view: copied when set). `i` holds Bool (0/1),
 * Int, Money minor units, Duration seconds, Time epoch seconds or an entity
 * id from agentpol_request_entity(); `s`/`len` a String, Money currency or
 * enum value name; `items`/`count` the elements of a Set. */
typedef struct agentpol_value {
  agentpol_kind kind;
  int64_t i;
  const char* s;
  size_t len;
  const struct agentpol_value* items;
  size_t count;
} agentpol_value;

agentpol_value agentpol_bool(int b);
agentpol_value agentpol_int(int64_t v);
agentpol_value agentpol_string(const char* s); /* NUL-terminated */
agentpol_value agentpol_money(int64_t minor, const char* currency);
agentpol_value agentpol_duration(int64_t seconds);
agentpol_value agentpol_time(int64_t epoch_seconds);
agentpol_value agentpol_enum(const char* name);
agentpol_value agentpol_entity(int32_t entity);
agentpol_value agentpol_set(const agentpol_value* items, size_t count);

/* Loading. `err` (may be NULL) receives a NUL-terminated message. */
agentpol_status agentpol_bundle_load(const uint8_t* data, size_t size, agentpol_bundle** out,
                                     char* err, size_t err_size);
agentpol_status agentpol_bundle_load_file(const char* path, agentpol_bundle** out, char* err,
                                          size_t err_size);
void agentpol_bundle_free(agentpol_bundle* bundle);
/* The name of the action an MCP tool call maps to (its `@tool`, else the
 * action of that name; see Bundle::action_for_tool), or NULL when none does.
 * Valid while the bundle lives. */
const char* agentpol_bundle_action_for_tool(const agentpol_bundle* bundle, const char* tool);

/* Engine: current bundle (swap), kill switch, audit hook. */
agentpol_status agentpol_engine_new(const agentpol_bundle* bundle, agentpol_engine** out);
void agentpol_engine_free(agentpol_engine* engine);
agentpol_status agentpol_engine_swap(agentpol_engine* engine, const agentpol_bundle* bundle);
agentpol_status agentpol_engine_revoke(agentpol_engine* engine, const char* agent);
agentpol_status agentpol_engine_unrevoke(agentpol_engine* engine, const char* agent);
/* Called once per decision with the audit record as one JSON line. */
typedef void (*agentpol_audit_fn)(void* user_data, const char* json, size_t len);
agentpol_status agentpol_engine_set_audit(agentpol_engine* engine, agentpol_audit_fn fn, void* user_data);
/* The same, for a sink that can fail: it returns 0 when the record is stored
 * and non-zero when it is not. Then no decision is made: agentpol_decide
 * returns AGENTPOL_ERR_AUDIT and fills its result with deny / "audit_failed".
 * Setting either hook (or NULL) replaces the other. */
typedef int (*agentpol_audit_sink_fn)(void* user_data, const char* json, size_t len);
agentpol_status agentpol_engine_set_audit_sink(agentpol_engine* engine, agentpol_audit_sink_fn fn, void* user_data);

/* Requests, built against the engine's current bundle schema. Setters never
 * fail loudly: a schema error is recorded and the decision is deny /
 * bad_request with its message. Entity ids are >= 0; -1 means an error. */
agentpol_status agentpol_request_new(const agentpol_engine* engine, agentpol_request** out);
void agentpol_request_free(agentpol_request* request);
void agentpol_request_reset(agentpol_request* request);
void agentpol_request_set_now(agentpol_request* request, int64_t epoch_seconds);
int32_t agentpol_request_set_agent(agentpol_request* request, const char* name);
int32_t agentpol_request_set_user(agentpol_request* request, const char* id);
void agentpol_request_set_action(agentpol_request* request, const char* name);
int32_t agentpol_request_entity(agentpol_request* request, const char* type, const char* id);
void agentpol_request_begin_attrs(agentpol_request* request, int32_t entity);
void agentpol_request_end_attrs(agentpol_request* request, int32_t entity);
void agentpol_request_set_context(agentpol_request* request, const char* path, agentpol_value v);
void agentpol_request_set_arg(agentpol_request* request, const char* name, agentpol_value v);
void agentpol_request_set_attr(agentpol_request* request, int32_t entity, const char* name, agentpol_value v);
/* The first schema error, or NULL. */
const char* agentpol_request_error(const agentpol_request* request);

/* A decision; strings stay valid until the request is decided again, reset
 * or freed. */
typedef struct agentpol_result {
  agentpol_decision decision;
  const char* decision_name; /* "allow", "escalate", "deny" */
  const char* reason;        /* "permitted", "forbidden", ... */
  size_t rule_count;
  const char* message;       /* bad_request message, or "" */
} agentpol_result;

/* AGENTPOL_OK with the decision, or AGENTPOL_ERR_AUDIT with deny /
 * "audit_failed" when the audit sink failed (the decision was not made). */
agentpol_status agentpol_decide(const agentpol_engine* engine, agentpol_request* request, agentpol_result* out);
/* Rule id i (0 <= i < rule_count) of the request's last decision. */
const char* agentpol_result_rule(const agentpol_request* request, size_t i);

#ifdef __cplusplus
}
#endif

#endif /* AGENTPOL_AGENTPOL_H */
