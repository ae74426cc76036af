// request_values.h — Value -> Val conversion for request building (type
// checks against the schema, copies into the request arena). Used by
// request.cpp, request_set.cpp and request_fill.cpp only.
#pragma once
#include "api/request_data.h"

#include <agentpol/request.h>

#include <string>

namespace agentpol {
namespace detail {

Val copy_string(RequestData& d, std::string_view s);
// Converts v to type `want`; on mismatch sets *why and returns false.
bool convert_value(RequestData& d, Type want, const Value& v, Val* out, std::string* why);
// The same for a value the request reader has checked (api/request_fill.h):
// no message, no second name lookup; false when it does not fit after all.
bool convert_checked(RequestData& d, Type want, const Value& v, Val* out);
bool same_value(Type t, const Val& a, const Val& b);

}  // namespace detail
}  // namespace agentpol
