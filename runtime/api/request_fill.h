// request_fill.h — in-tree only (not installed): the request reader's
// (request/reader_values.h) setters for values it has already checked
// against the slot's type, so the runtime does not check and convert them a
// second time: an Enum value carries its index in `n` (the reader resolved
// its name), a Money value's currency is the slot's. What is left to check
// is cheap and is checked: the handle fits the slot, the tag is the slot's
// kind, an enum index is in range, an entity is of the slot's type, a
// currency is the slot's. Anything else fails the request ("internal: …"),
// so a caller that passes unchecked values gets bad_request, never a slot
// holding a value of another type. Null values take the public setters.
#pragma once

#include <agentpol/request.h>

namespace agentpol::detail {

// Each returns Request::ok() afterwards.
bool fill_context(Request& r, const FieldHandle& f, const Value& v);
bool fill_arg(Request& r, const FieldHandle& f, const Value& v);
bool fill_attr(Request& r, EntityRef e, const FieldHandle& f, const Value& v);

}  // namespace agentpol::detail
