// capi.cpp — the C API over Engine/Request/Bundle. Every entry point catches
// all exceptions (none cross the boundary) and checks its pointers.
#include <agentpol/agentpol.h>
#include <agentpol/engine.h>

#include <cstring>
#include <new>
#include <string>
#include <vector>

using namespace agentpol;

struct agentpol_bundle { std::shared_ptr<const Bundle> b; };
struct agentpol_engine {
  explicit agentpol_engine(std::shared_ptr<const Bundle> b) : e(std::move(b)) {}
  Engine e;
};
struct agentpol_request {
  explicit agentpol_request(std::shared_ptr<const Bundle> b) : r(std::move(b)) {}
  Request r;
  Result last;
  bool decided = false;
  std::vector<Value> items;  // converted set items of one call
};

namespace {

void copy_err(const std::string& msg, char* err, size_t size) {
  if (!err || size == 0) return;
  size_t n = msg.size() < size - 1 ? msg.size() : size - 1;
  std::memcpy(err, msg.data(), n);
  err[n] = '\0';
}

std::string_view sv(const char* s) { return s ? std::string_view(s) : std::string_view(); }

Value scalar(const agentpol_value& v) {
  std::string_view s = v.s ? std::string_view(v.s, v.len) : std::string_view();
  switch (v.kind) {
    case AGENTPOL_BOOL: return Value::boolean(v.i != 0);
    case AGENTPOL_INT: return Value::integer(v.i);
    case AGENTPOL_STRING: return Value::string(s);
    case AGENTPOL_MONEY: return Value::money(v.i, s);
    case AGENTPOL_DURATION: return Value::duration(v.i);
    case AGENTPOL_TIME: return Value::time(v.i);
    case AGENTPOL_ENUM: return Value::enumeration(s);
    case AGENTPOL_ENTITY: return Value::entity(EntityRef{static_cast<int32_t>(v.i)});
    default: return Value::null();
  }
}

// Converts v (one level of set) and calls f with the C++ Value.
template <class F>
void with_value(agentpol_request* r, const agentpol_value& v, F f) {
  if (v.kind != AGENTPOL_SET) return f(scalar(v));
  if (v.count > 0 && !v.items) return r->r.fail("set without items");
  r->items.clear();
  for (size_t i = 0; i < v.count; ++i) r->items.push_back(scalar(v.items[i]));
  f(Value::set(r->items.data(), r->items.size()));
}

template <class F>
agentpol_status guard(F f) {
  try {
    return f();
  } catch (const std::bad_alloc&) {
    return AGENTPOL_ERR_MEMORY;
  } catch (...) {
    return AGENTPOL_ERR_INTERNAL;
  }
}

// The record as one JSON line, in a per-thread buffer (no allocation once warm).
const std::string& audit_line(const AuditRecord& rec) {
  thread_local std::string line;
  line.clear();
  audit_json(rec, &line);
  return line;
}

}  // namespace

extern "C" {

agentpol_value agentpol_bool(int b) { return {AGENTPOL_BOOL, b != 0, nullptr, 0, nullptr, 0}; }
agentpol_value agentpol_int(int64_t v) { return {AGENTPOL_INT, v, nullptr, 0, nullptr, 0}; }
agentpol_value agentpol_string(const char* s) { return {AGENTPOL_STRING, 0, s, s ? std::strlen(s) : 0, nullptr, 0}; }
agentpol_value agentpol_money(int64_t minor, const char* c) { return {AGENTPOL_MONEY, minor, c, c ? std::strlen(c) : 0, nullptr, 0}; }
agentpol_value agentpol_duration(int64_t s) { return {AGENTPOL_DURATION, s, nullptr, 0, nullptr, 0}; }
agentpol_value agentpol_time(int64_t t) { return {AGENTPOL_TIME, t, nullptr, 0, nullptr, 0}; }
agentpol_value agentpol_enum(const char* n) { return {AGENTPOL_ENUM, 0, n, n ? std::strlen(n) : 0, nullptr, 0}; }
agentpol_value agentpol_entity(int32_t e) { return {AGENTPOL_ENTITY, e, nullptr, 0, nullptr, 0}; }
agentpol_value agentpol_set(const agentpol_value* items, size_t n) { return {AGENTPOL_SET, 0, nullptr, 0, items, n}; }

agentpol_status agentpol_bundle_load(const uint8_t* data, size_t size, agentpol_bundle** out, char* err, size_t err_size) {
  if (!out || (!data && size)) return AGENTPOL_ERR_ARGUMENT;
  *out = nullptr;
  return guard([&] {
    LoadResult r = load_bundle(data, size);
    if (!r) { copy_err(r.error, err, err_size); return AGENTPOL_ERR_LOAD; }
    *out = new agentpol_bundle{r.bundle};
    return AGENTPOL_OK;
  });
}

agentpol_status agentpol_bundle_load_file(const char* path, agentpol_bundle** out, char* err, size_t err_size) {
  if (!out || !path) return AGENTPOL_ERR_ARGUMENT;
  *out = nullptr;
  return guard([&] {
    LoadResult r = load_bundle_file(path);
    if (!r) {
      copy_err(r.error, err, err_size);
      return r.error.rfind("cannot ", 0) == 0 ? AGENTPOL_ERR_IO : AGENTPOL_ERR_LOAD;
    }
    *out = new agentpol_bundle{r.bundle};
    return AGENTPOL_OK;
  });
}

void agentpol_bundle_free(agentpol_bundle* b) { delete b; }

const char* agentpol_bundle_action_for_tool(const agentpol_bundle* b, const char* tool) {
  if (!b || !tool) return nullptr;
  ActionHandle a = b->b->action_for_tool(tool);
  return a.valid() ? b->b->image().actions[a.index].name.c_str() : nullptr;
}

agentpol_status agentpol_engine_new(const agentpol_bundle* b, agentpol_engine** out) {
  if (!b || !out) return AGENTPOL_ERR_ARGUMENT;
  return guard([&] { *out = new agentpol_engine(b->b); return AGENTPOL_OK; });
}
void agentpol_engine_free(agentpol_engine* e) { delete e; }

agentpol_status agentpol_engine_swap(agentpol_engine* e, const agentpol_bundle* b) {
  if (!e || !b) return AGENTPOL_ERR_ARGUMENT;
  return guard([&] { e->e.swap(b->b); return AGENTPOL_OK; });
}
agentpol_status agentpol_engine_revoke(agentpol_engine* e, const char* agent) {
  if (!e || !agent) return AGENTPOL_ERR_ARGUMENT;
  return guard([&] { e->e.revoke(agent); return AGENTPOL_OK; });
}
agentpol_status agentpol_engine_unrevoke(agentpol_engine* e, const char* agent) {
  if (!e || !agent) return AGENTPOL_ERR_ARGUMENT;
  return guard([&] { e->e.unrevoke(agent); return AGENTPOL_OK; });
}

agentpol_status agentpol_engine_set_audit(agentpol_engine* e, agentpol_audit_fn fn, void* user) {
  if (!e) return AGENTPOL_ERR_ARGUMENT;
  return guard([&] {
    if (!fn) { e->e.set_audit_hook(nullptr); return AGENTPOL_OK; }
    e->e.set_audit_hook([fn, user](const AuditRecord& rec) {
      const std::string& line = audit_line(rec);
      fn(user, line.c_str(), line.size());
    });
    return AGENTPOL_OK;
  });
}

agentpol_status agentpol_engine_set_audit_sink(agentpol_engine* e, agentpol_audit_sink_fn fn, void* user) {
  if (!e) return AGENTPOL_ERR_ARGUMENT;
  return guard([&] {
    if (!fn) { e->e.set_audit_hook(nullptr); return AGENTPOL_OK; }
    e->e.set_audit_hook(AuditHook([fn, user](const AuditRecord& rec) {
      const std::string& line = audit_line(rec);
      return fn(user, line.c_str(), line.size()) == 0;
    }));
    return AGENTPOL_OK;
  });
}

agentpol_status agentpol_request_new(const agentpol_engine* e, agentpol_request** out) {
  if (!e || !out) return AGENTPOL_ERR_ARGUMENT;
  return guard([&] { *out = new agentpol_request(e->e.current()); return AGENTPOL_OK; });
}
void agentpol_request_free(agentpol_request* r) { delete r; }

#define AGENTPOL_TRY(r, body) \
  do {                        \
    if (!(r)) return;         \
    try { body; } catch (...) { try { (r)->r.fail("out of memory"); } catch (...) {} } \
  } while (0)

void agentpol_request_reset(agentpol_request* r) { AGENTPOL_TRY(r, (r->r.reset(), r->decided = false)); }
void agentpol_request_set_now(agentpol_request* r, int64_t t) { AGENTPOL_TRY(r, r->r.set_now(t)); }
void agentpol_request_set_action(agentpol_request* r, const char* n) { AGENTPOL_TRY(r, r->r.set_action(sv(n))); }
void agentpol_request_begin_attrs(agentpol_request* r, int32_t e) { AGENTPOL_TRY(r, r->r.begin_attrs(EntityRef{e})); }
void agentpol_request_end_attrs(agentpol_request* r, int32_t e) { AGENTPOL_TRY(r, r->r.end_attrs(EntityRef{e})); }

void agentpol_request_set_context(agentpol_request* r, const char* path, agentpol_value v) {
  AGENTPOL_TRY(r, with_value(r, v, [&](const Value& x) { r->r.set_context(sv(path), x); }));
}
void agentpol_request_set_arg(agentpol_request* r, const char* name, agentpol_value v) {
  AGENTPOL_TRY(r, with_value(r, v, [&](const Value& x) { r->r.set_arg(sv(name), x); }));
}
void agentpol_request_set_attr(agentpol_request* r, int32_t e, const char* name, agentpol_value v) {
  AGENTPOL_TRY(r, with_value(r, v, [&](const Value& x) { r->r.set_attr(EntityRef{e}, sv(name), x); }));
}

int32_t agentpol_request_set_agent(agentpol_request* r, const char* name) {
  if (!r) return -1;
  try { return r->r.set_agent(sv(name)).index; } catch (...) { return -1; }
}
int32_t agentpol_request_set_user(agentpol_request* r, const char* id) {
  if (!r) return -1;
  try { return r->r.set_user(sv(id)).index; } catch (...) { return -1; }
}
int32_t agentpol_request_entity(agentpol_request* r, const char* type, const char* id) {
  if (!r) return -1;
  try { return r->r.entity(sv(type), sv(id)).index; } catch (...) { return -1; }
}

const char* agentpol_request_error(const agentpol_request* r) {
  if (!r) return "null request";
  return r->r.ok() ? nullptr : r->r.error().c_str();
}

agentpol_status agentpol_decide(const agentpol_engine* e, agentpol_request* r, agentpol_result* out) {
  if (!e || !r || !out) return AGENTPOL_ERR_ARGUMENT;
  return guard([&] {
    r->last = e->e.decide(r->r);
    r->decided = true;
    out->decision = static_cast<agentpol_decision>(r->last.decision);
    out->decision_name = to_string(r->last.decision);
    out->reason = to_string(r->last.reason);
    out->rule_count = r->last.rule_count;
    out->message = r->last.message.empty() ? "" : r->last.message.data();
    return r->last.reason == Reason::AuditFailed ? AGENTPOL_ERR_AUDIT : AGENTPOL_OK;
  });
}

const char* agentpol_result_rule(const agentpol_request* r, size_t i) {
  if (!r || !r->decided || i >= r->last.rule_count) return nullptr;
  return r->last.rule_id(i).data();  // rule ids are NUL-terminated std::strings
}

}  // extern "C"
