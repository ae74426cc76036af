// billing_request.h — test-only: builds billing requests through the by-name
// API (no JSON), for the engine, audit, no-allocation tests and benchmarks.
#pragma once
#include <agentpol/request.h>

namespace agentpol::test {

// support_bot reads invoice o-1 on its own (allowed by read-invoices).
void support_bot_reads(Request& req);
// billing_assist_07 refunds `cents` EUR of order o-1 for user 4821 whose
// refund limit is 100 EUR (allowed up to 50 EUR).
void assistant_refunds(Request& req, int64_t cents);

}  // namespace agentpol::test
