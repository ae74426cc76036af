// request.cpp — Request: building a request in the bundle's slot layout.
// Every schema problem is recorded as the first error (bad_request at decide
// time); storage is kept across reset() so warm requests do not allocate.
#include "api/access.h"
#include "api/request_values.h"

#include <agentpol/request.h>

namespace agentpol {

using detail::EntityRow;
using detail::RequestData;

Request::Request(std::shared_ptr<const Bundle> schema) : d_(std::make_unique<RequestData>()) {
  d_->schema = std::move(schema);
  d_->sd = &detail::bundle_data(*d_->schema);
  d_->ctx.resize(d_->sd->image.context.size());
  d_->ctx_has.resize(d_->sd->image.context.size());
  reset();
}
Request::~Request() = default;
Request::Request(Request&&) noexcept = default;
Request& Request::operator=(Request&&) noexcept = default;

void Request::reset() {
  RequestData& d = *d_;
  d.has_now = false;
  d.agent = d.user = -1;
  d.agent_index = kNone;
  d.action = kNone;
  d.params.clear(); d.args.clear(); d.params_has.clear(); d.args_has.clear();
  std::fill(d.ctx_has.begin(), d.ctx_has.end(), 0);
  d.ents.clear(); d.open.clear(); d.attrs.clear(); d.attrs_has.clear();
  d.arena.reset();
  d.error.clear();
  d.failed = false;
  d.hits.clear();
}

const std::shared_ptr<const Bundle>& Request::schema() const { return d_->schema; }

void Request::fail(std::string message) {
  if (d_->failed) return;
  d_->failed = true;
  d_->error = std::move(message);
}
bool Request::ok() const { return !d_->failed; }
const std::string& Request::error() const { return d_->error; }

void Request::set_now(int64_t t) { d_->now = t; d_->has_now = true; }

namespace {

// Finds or adds entity (type, id); type kNone is the agent of a policy
// without an Agent entity type.
EntityRef find_or_add(RequestData& d, uint32_t type, std::string_view id) {
  for (size_t i = 0; i < d.ents.size(); ++i)
    if (d.ents[i].type == type && detail::as_view(d.ents[i].id) == id) return EntityRef{static_cast<int32_t>(i)};
  EntityRow row{type, detail::copy_string(d, id), static_cast<uint32_t>(d.attrs.size()), 0, 0};
  if (type != kNone) {
    size_t n = d.sd->image.entity_types[type].attrs.size();
    d.attrs.resize(d.attrs.size() + n);
    d.attrs_has.resize(d.attrs_has.size() + n, 0);
  }
  d.ents.push_back(row);
  return EntityRef{static_cast<int32_t>(d.ents.size() - 1)};
}

}  // namespace

EntityRef Request::entity(EntityTypeHandle type, std::string_view id) {
  if (type.index >= d_->sd->image.entity_types.size()) return fail("unknown entity type"), EntityRef{};
  return find_or_add(*d_, type.index, id);
}

EntityRef Request::entity(std::string_view type, std::string_view id) {
  EntityTypeHandle t = d_->schema->entity_type(type);
  if (!t.valid()) return fail("unknown entity type `" + std::string(type) + "`"), EntityRef{};
  return entity(t, id);
}

EntityRef Request::set_agent(std::string_view name) {
  const BundleImage& im = d_->sd->image;
  EntityRef e = find_or_add(*d_, im.agent_type ? *im.agent_type : kNone, name);
  d_->agent = e.index;
  d_->agent_index = d_->schema->agent(name).index;
  return e;
}

EntityRef Request::set_user(std::string_view id) {
  const BundleImage& im = d_->sd->image;
  if (!im.user_type) return fail("the policy declares no User entity"), EntityRef{};
  EntityRef e = entity(EntityTypeHandle{*im.user_type}, id);
  d_->user = e.index;
  return e;
}

void Request::set_action(ActionHandle a) {
  RequestData& d = *d_;
  if (a.index >= d.sd->image.actions.size()) return fail("unknown action");
  const ActionImage& act = d.sd->image.actions[a.index];
  d.action = a.index;
  d.params.assign(act.params.size(), Val{0, nullptr});
  d.params_has.assign(act.params.size(), 0);
  d.args.assign(act.args.size(), Val{0, nullptr});
  d.args_has.assign(act.args.size(), 0);
}

void Request::set_action(std::string_view name) {
  ActionHandle a = d_->schema->action(name);
  if (!a.valid()) return fail("unknown action `" + std::string(name) + "`");
  set_action(a);
}

}  // namespace agentpol
