// request_set.cpp — Request's value setters (context, params/args, entity
// attributes; by handle or by name), duplicate entity definitions, and
// seal_request(): the completeness check decide() runs before step 1.
#include "api/request_values.h"

#include <agentpol/request.h>

namespace agentpol {

using detail::EntityRow;
using detail::RequestData;

namespace {

// Writes v into a slot; Null leaves an optional slot absent.
bool write_slot(RequestData& d, Type t, bool optional, const Value& v, Val* dst, uint8_t* has, std::string* why) {
  if (v.tag == Value::Tag::Null) {
    *has = 0;
    if (!optional) *why = "is required but null";
    return optional;
  }
  if (!detail::convert_value(d, t, v, dst, why)) return false;
  *has = 1;
  return true;
}

std::string q(std::string_view s) { return "`" + std::string(s) + "`"; }

}  // namespace

void Request::set_context(const FieldHandle& f, const Value& v) {
  RequestData& d = *d_;
  if (f.kind != FieldKind::Context || f.slot >= d.ctx.size()) return fail("unknown context field");
  const SlotImage& s = d.sd->image.context[f.slot];
  std::string why;
  if (!write_slot(d, s.type, s.optional, v, &d.ctx[f.slot], &d.ctx_has[f.slot], &why))
    fail("context field " + q(s.name) + ": " + why);
}

void Request::set_context(std::string_view path, const Value& v) {
  FieldHandle f = d_->schema->context_field(path);
  if (!f.valid()) return fail("unknown context field " + q(path));
  set_context(f, v);
}

void Request::set_arg(const FieldHandle& f, const Value& v) {
  RequestData& d = *d_;
  if (d.action == kNone || f.owner != d.action) return fail("argument set before its action, or for another action");
  const ActionImage& a = d.sd->image.actions[d.action];
  bool param = f.kind == FieldKind::Param;
  const auto& slots = param ? a.params : a.args;
  if ((!param && f.kind != FieldKind::Arg) || f.slot >= slots.size()) return fail("unknown argument of " + q(a.name));
  const SlotImage& s = slots[f.slot];
  Val* dst = param ? &d.params[f.slot] : &d.args[f.slot];
  uint8_t* has = param ? &d.params_has[f.slot] : &d.args_has[f.slot];
  std::string why;
  if (!write_slot(d, s.type, s.optional, v, dst, has, &why))
    fail("argument " + q(s.name) + " of " + q(a.name) + ": " + why);
}

void Request::set_arg(std::string_view name, const Value& v) {
  if (d_->action == kNone) return fail("argument " + q(name) + " given without a known action");
  FieldHandle f = d_->schema->action_field(ActionHandle{d_->action}, name);
  if (!f.valid()) return fail("unknown argument " + q(name) + " of " + q(d_->sd->image.actions[d_->action].name));
  set_arg(f, v);
}

// Each definition of an entity's attributes gets its own block of slots, so
// definitions may nest (an entity inside its own attributes); they are
// compared when they end (detail::end_definition).
void Request::begin_attrs(EntityRef e) {
  RequestData& d = *d_;
  if (e.index < 0 || static_cast<size_t>(e.index) >= d.ents.size()) return fail("unknown entity");
  EntityRow& row = d.ents[static_cast<size_t>(e.index)];
  if (row.type == kNone) return;
  uint32_t block = row.attr_off;
  if (row.has_attrs) {
    // Attributes set without begin_attrs form a definition of their own.
    if (!row.complete && detail::open_block(d, e.index) == kNone) row.complete = 1;
    block = static_cast<uint32_t>(d.attrs.size());
    size_t n = d.sd->image.entity_types[row.type].attrs.size();
    d.attrs.resize(d.attrs.size() + n);
    d.attrs_has.resize(d.attrs_has.size() + n, 0);
  }
  row.has_attrs = 1;
  d.open.push_back(detail::OpenAttrs{e.index, block});
}

void Request::end_attrs(EntityRef e) {
  RequestData& d = *d_;
  if (e.index < 0 || static_cast<size_t>(e.index) >= d.ents.size()) return fail("unknown entity");
  detail::end_definition(d, e.index);
}

void Request::set_attr(EntityRef e, const FieldHandle& f, const Value& v) {
  RequestData& d = *d_;
  if (e.index < 0 || static_cast<size_t>(e.index) >= d.ents.size()) return fail("attribute of an unknown entity");
  EntityRow& row = d.ents[static_cast<size_t>(e.index)];
  if (f.kind != FieldKind::Attr || f.owner != row.type || row.type == kNone ||
      f.slot >= d.sd->image.entity_types[row.type].attrs.size()) return fail("unknown attribute");
  row.has_attrs = 1;
  const SlotImage& s = d.sd->image.entity_types[row.type].attrs[f.slot];
  uint32_t open = detail::open_block(d, e.index);
  size_t at = (open != kNone ? open : row.attr_off) + f.slot;
  std::string why;
  if (!write_slot(d, s.type, s.optional, v, &d.attrs[at], &d.attrs_has[at], &why))
    fail("attribute " + q(s.name) + " of " + d.sd->image.entity_types[row.type].name + " " +
         q(detail::as_view(row.id)) + ": " + why);
}

void Request::set_attr(EntityRef e, std::string_view name, const Value& v) {
  RequestData& d = *d_;
  if (e.index < 0 || static_cast<size_t>(e.index) >= d.ents.size()) return fail("attribute of an unknown entity");
  uint32_t type = d.ents[static_cast<size_t>(e.index)].type;
  FieldHandle f = d.schema->attribute(EntityTypeHandle{type}, name);
  if (!f.valid()) {
    std::string tn = type == kNone ? "Agent" : d.sd->image.entity_types[type].name;
    return fail("unknown attribute " + q(name) + " of " + tn);
  }
  set_attr(e, f, v);
}

namespace detail {
namespace {

// Index of the first required slot (of the ascending list `req`) without a
// value, or -1.
long first_missing(const BundleData::Slots& req, const uint8_t* has) {
  for (uint32_t i : req)
    if (!has[i]) return static_cast<long>(i);
  return -1;
}

bool report(RequestData& d, std::string message) {
  d.failed = true;
  d.error = std::move(message);
  return false;
}

}  // namespace

uint32_t open_block(const RequestData& d, int32_t e) {
  for (size_t i = d.open.size(); i-- > 0;)
    if (d.open[i].entity == e) return d.open[i].block;
  return kNone;
}

void end_definition(RequestData& d, int32_t e) {
  size_t i = d.open.size();
  while (i > 0 && d.open[i - 1].entity != e) --i;
  if (i == 0) return;  // no definition of e is open
  uint32_t block = d.open[i - 1].block;
  d.open.erase(d.open.begin() + static_cast<std::ptrdiff_t>(i - 1));
  EntityRow& row = d.ents[static_cast<size_t>(e)];
  if (!row.complete) {  // the first to end (an inner one, when they nest)
    row.attr_off = block;
    row.complete = 1;
    return;
  }
  const auto& slots = d.sd->image.entity_types[row.type].attrs;
  for (size_t k = 0; k < slots.size() && !d.failed && block != row.attr_off; ++k) {
    size_t a = row.attr_off + k, b = block + k;
    bool same = d.attrs_has[a] == d.attrs_has[b] && (!d.attrs_has[a] || same_value(slots[k].type, d.attrs[a], d.attrs[b]));
    if (!same)
      report(d, "entity " + d.sd->image.entity_types[row.type].name + " `" + std::string(as_view(row.id)) +
                    "` is given with two different values of `" + slots[k].name + "`");
  }
}

bool seal_request(RequestData& d) {
  while (!d.open.empty() && !d.failed) end_definition(d, d.open.back().entity);  // definitions never ended
  if (d.failed) return false;
  const BundleImage& im = d.sd->image;
  if (!d.has_now) return report(d, "missing `now`");
  if (d.agent < 0) return report(d, "missing agent");
  if (d.action == kNone) return report(d, "missing action");
  const BundleData& sd = *d.sd;
  const ActionImage& a = im.actions[d.action];
  long i = first_missing(sd.req_params[d.action], d.params_has.data());
  if (i >= 0) return report(d, "missing parameter `" + a.params[static_cast<size_t>(i)].name + "` of `" + a.name + "`");
  if ((i = first_missing(sd.req_args[d.action], d.args_has.data())) >= 0)
    return report(d, "missing argument `" + a.args[static_cast<size_t>(i)].name + "` of `" + a.name + "`");
  if ((i = first_missing(sd.req_ctx, d.ctx_has.data())) >= 0)
    return report(d, "missing context field `" + im.context[static_cast<size_t>(i)].name + "`");
  for (EntityRow& row : d.ents) {
    if (row.type == kNone || !row.has_attrs) continue;
    const EntityTypeImage& t = im.entity_types[row.type];
    if ((i = first_missing(sd.req_attrs[row.type], d.attrs_has.data() + row.attr_off)) >= 0)
      return report(d, "missing attribute `" + t.attrs[static_cast<size_t>(i)].name + "` of " + t.name + " `" +
                           std::string(as_view(row.id)) + "`");
  }
  return true;
}

}  // namespace detail
}  // namespace agentpol
