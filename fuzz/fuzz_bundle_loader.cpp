// fuzz_bundle_loader.cpp — libFuzzer target: arbitrary bytes through the
// bundle loader; whatever loads is then decided on a request built from its
// own schema (first action, first agent, every slot filled with a default),
// and traced (agentpol/trace.h, over its debug table), and every action's
// MCP tool must map back to it.
// Each input is tried as is and with its length and checksum fixed, so the
// fuzzer gets past the checksum into the tables and the code verifier.
#include "bundle/format.h"

#include <agentpol/agentpol.hpp>
#include <agentpol/trace.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

using namespace agentpol;

Value default_value(Type t, Request& req, const BundleImage& im) {
  switch (t.kind()) {
    case Kind::Bool: return Value::boolean(true);
    case Kind::String: return Value::string("x");
    case Kind::Money: {
      static thread_local std::string currency;  // used before the next call
      currency = t.currency();
      return Value::money(100, currency);
    }
    case Kind::Duration: return Value::duration(60);
    case Kind::Time: return Value::time(1000);
    case Kind::Enum: return Value::enumeration(im.enums[t.param()].values[0]);
    case Kind::Entity: return Value::entity(req.entity(EntityTypeHandle{t.param()}, "e"));
    default: return Value::integer(1);
  }
}

void fill(Request& req, const FieldHandle& f, const BundleImage& im, int where, EntityRef owner) {
  static const Value kNone[1] = {};
  Value v = f.type.is_set() ? Value::set(kNone, 0) : default_value(f.type, req, im);
  if (where == 0) req.set_context(f, v);
  else if (where == 1) req.set_arg(f, v);
  else req.set_attr(owner, f, v);
}

void decide_something(const std::shared_ptr<const Bundle>& b) {
  const BundleImage& im = b->image();
  // The loader guarantees one action per MCP tool: each tool maps back.
  for (uint32_t i = 0; i < im.actions.size(); ++i)
    if (b->action_for_tool(im.actions[i].tool_name()).index != i) __builtin_trap();
  if (im.actions.empty()) return;
  Request req(b);
  req.set_now(1000);
  EntityRef agent = req.set_agent(im.agents.empty() ? "a" : im.agents[0].name);
  if (im.user_type) req.set_user("u");
  req.set_action(ActionHandle{0});
  for (uint32_t i = 0; i < im.context.size(); ++i) fill(req, FieldHandle{FieldKind::Context, kNone, i, im.context[i].type, false}, im, 0, {});
  const ActionImage& a = im.actions[0];
  for (uint32_t i = 0; i < a.params.size(); ++i) fill(req, b->action_field(ActionHandle{0}, a.params[i].name), im, 1, {});
  for (uint32_t i = 0; i < a.args.size(); ++i) fill(req, b->action_field(ActionHandle{0}, a.args[i].name), im, 1, {});
  if (im.agent_type)
    for (const SlotImage& s : im.entity_types[*im.agent_type].attrs)
      fill(req, b->attribute(EntityTypeHandle{*im.agent_type}, s.name), im, 2, agent);
  Engine engine(b);
  std::string line;
  engine.set_audit_hook([&](const AuditRecord& r) { line.clear(); audit_json(r, &line); });
  engine.decide(req);
  Result traced;  // the traced VM on whatever debug table the bundle has
  (void)trace_decision(*b, req, DecideOptions{}, &traced);
  (void)b->disassemble();
}

void try_load(const uint8_t* data, size_t size) {
  LoadResult r = load_bundle(data, size);
  if (r) decide_something(r.bundle);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try_load(data, size);
  if (size < kHeaderSize) return 0;
  std::vector<uint8_t> fixed(data, data + size);
  for (unsigned i = 0; i < 4; ++i) fixed[kOffLength + i] = static_cast<uint8_t>(size >> (8 * i));
  uint64_t sum = bundle_checksum(fixed.data(), fixed.size());
  for (unsigned i = 0; i < 8; ++i) fixed[kOffChecksum + i] = static_cast<uint8_t>(sum >> (8 * i));
  try_load(fixed.data(), fixed.size());
  return 0;
}
