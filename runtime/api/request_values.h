// request_values.h — Value -> Val conversion for request building (type
// checks against the schema, copies into the request arena). Used by
// request.cpp only.
#pragma once
#include "api/request_data.h"

#include <agentpol/request.h>

#include <string>

namespace agentpol {
namespace detail {

Val copy_string(RequestData& d, std::string_view s);
// Converts v to type `want`; on mismatch sets *why and returns false.
bool convert_value(RequestData& d, Type want, const Value& v, Val* out, std::string* why);
bool same_value(Type t, const Val& a, const Val& b);

}  // namespace detail
}  // namespace agentpol
