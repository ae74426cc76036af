// fuzz_request_json.cpp — libFuzzer target for the request reader: arbitrary
// bytes as one request (spec section 8) against the billing bundle, compiled
// from examples/billing at start-up. Any crash or sanitizer report is a bug,
// and so is an allow for a request the reader recorded a problem in, and so
// is a JSON tree from the fast path (simdjson) that differs from the careful
// path's (nlohmann) in verdict or content.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string_view>

#include <agentpol/engine.h>

#include "driver/bundle_source.h"
#include "request/request_reader.h"

namespace {

struct Fixture {
  std::shared_ptr<const agentpol::Bundle> bundle;
  std::unique_ptr<agentpol::request::RequestReader> reader;
  std::unique_ptr<agentpol::Request> req;
  std::unique_ptr<agentpol::Engine> engine;
  agentpol::request::JsonTree fast, careful;
};

Fixture& fixture() {
  static Fixture f = [] {
    Fixture x;
    agentpol::driver::BundleSource src = agentpol::driver::loadBundleOrCompile({AGENTPOL_BILLING_POLICY});
    if (!src) {
      std::cerr << "fuzz_request_json: cannot compile " << AGENTPOL_BILLING_POLICY << ": " << src.error << "\n";
      std::abort();
    }
    x.bundle = src.bundle;
    x.reader = std::make_unique<agentpol::request::RequestReader>(x.bundle);
    x.req = std::make_unique<agentpol::Request>(x.bundle);
    x.engine = std::make_unique<agentpol::Engine>(x.bundle);
    x.engine->revoke("support_bot");
    return x;
  }();
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Fixture& f = fixture();
  std::string error;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string fastWhy, carefulWhy;
  bool fastOk = f.fast.parse(text, &fastWhy), carefulOk = f.careful.parseReference(text, &carefulWhy);
  if (fastOk != carefulOk || (fastOk && !f.fast.equal(f.careful))) std::abort();  // the two parsers disagree
  if (f.reader->read(text, *f.req, &error) == agentpol::request::ReadStatus::Unreadable) {
    if (error.empty()) std::abort();  // unreadable input always says why
    return 0;
  }
  bool bad = !f.req->ok();
  agentpol::Result r = f.engine->decide(*f.req);
  if (bad && (r.decision != agentpol::Decision::Deny || r.reason != agentpol::Reason::BadRequest || r.message.empty()))
    std::abort();  // a recorded problem must decide deny/bad_request with its message
  return 0;
}
