// access.h — the one way in-tree code reaches a Bundle's or Request's
// runtime-internal data (decoded code, slot tables, request slots): the
// runtime itself, the bytecode verifier (compiler/verify/bytecode) and tests.
// Not installed: hosts see only include/agentpol/.
#pragma once
#include "api/request_data.h"
#include "loader/bundle_data.h"

#include <agentpol/bundle.h>
#include <agentpol/request.h>

#include <memory>

namespace agentpol {
namespace detail {

struct Access {
  static const BundleData& bundle(const Bundle& b) { return *b.d_; }
  static RequestData& request(Request& r) { return *r.d_; }
  static const RequestData& request(const Request& r) { return *r.d_; }
  static std::shared_ptr<const Bundle> make_bundle(std::unique_ptr<BundleData> d) {
    return std::shared_ptr<const Bundle>(new Bundle(std::move(d)));
  }
};

inline const BundleData& bundle_data(const Bundle& b) { return Access::bundle(b); }
inline RequestData& request_data(Request& r) { return Access::request(r); }
inline const RequestData& request_data(const Request& r) { return Access::request(r); }

}  // namespace detail
}  // namespace agentpol
