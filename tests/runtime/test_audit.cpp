// test_audit.cpp — the audit record of spec section 10 (accessors and the
// one-line JSON rendering) and the text forms of Time, Money and Duration.
#include "billing_request.h"
#include "image_builder.h"

#include <agentpol/engine.h>

#include <catch2/catch.hpp>

using namespace agentpol;

TEST_CASE("time, money and duration text forms", "[audit]") {
  auto t = [](int64_t v) { std::string s; format_time(v, &s); return s; };
  CHECK(t(0) == "1970-01-01T00:00:00Z");
  CHECK(t(1795874580) == "2026-11-28T14:03:00Z");
  CHECK(t(951782400) == "2000-02-29T00:00:00Z");
  CHECK(t(-1) == "1969-12-31T23:59:59Z");
  CHECK(!t(std::numeric_limits<int64_t>::min()).empty());
  CHECK(!t(std::numeric_limits<int64_t>::max()).empty());
  auto m = [](int64_t v) { std::string s; format_money(v, "EUR", &s); return s; };
  CHECK(m(3200) == "32.00 EUR");
  CHECK(m(5) == "0.05 EUR");
  CHECK(m(-4999) == "-49.99 EUR");
  CHECK(m(std::numeric_limits<int64_t>::min()) == "-92233720368547758.08 EUR");
  auto d = [](int64_t v) { std::string s; format_duration(v, &s); return s; };
  CHECK(d(900) == "15m");
  CHECK(d(90) == "90s");
  CHECK(d(7200) == "2h");
  CHECK(d(86400 * 7) == "7d");
  CHECK(d(0) == "0s");
  CHECK(d(-60) == "-1m");
}

TEST_CASE("audit JSON line of a decision", "[audit]") {
  BundleImage im = test::billing_image();
  for (RuleImage& r : im.rules)
    if (r.id == "small-refunds") r.annotations = {{"ticket", "FIN-7"}};
  auto bundle = test::load_or_die(im);
  Engine engine(bundle);
  std::string line;
  engine.set_audit_hook([&](const AuditRecord& rec) {
    line.clear();
    audit_json(rec, &line);
    CHECK(rec.resource_count() == 1);
    CHECK(rec.resource_id(0) == "o-1");
    CHECK(rec.argument_count() == 2);
  });
  Request req(bundle);
  test::assistant_refunds(req, 3200);
  Result r = engine.decide(req);
  REQUIRE(r.decision == Decision::Allow);
  CHECK(line ==
        "{\"time\":\"2026-11-28T14:03:00Z\",\"namespace\":\"billing\",\"agent\":\"billing_assist_07\","
        "\"user\":\"4821\",\"action\":\"refund\",\"resources\":{\"order\":\"o-1\"},"
        "\"args\":{\"amount\":\"32.00 EUR\",\"reason\":\"late delivery\"},\"decision\":\"allow\","
        "\"reason\":\"permitted\",\"rules\":[\"small-refunds\",\"user-refund\"],"
        "\"annotations\":{\"small-refunds\":{\"ticket\":\"FIN-7\"}},"
        "\"bundle\":\"01080f161d242b323940474e555c636a71787f868d949ba2a9b0b7bec5ccd3da\"}");
}

TEST_CASE("audit JSON of a bad request escapes strings and names the problem", "[audit]") {
  auto bundle = test::load_or_die(test::billing_image());
  Engine engine(bundle);
  std::string line;
  engine.set_audit_hook([&](const AuditRecord& rec) { line.clear(); audit_json(rec, &line); });
  Request req(bundle);
  test::assistant_refunds(req, 100);
  req.set_arg("reason", Value::string("quote \" backslash \\ newline \n bell \x07"));
  req.set_arg("amount", Value::money(100, "USD"));
  Result r = engine.decide(req);
  CHECK(r.reason == Reason::BadRequest);
  CHECK(line.find("\"reason\":\"quote \\\" backslash \\\\ newline \\n bell \\u0007\"") != std::string::npos);
  CHECK(line.find("\"message\":\"argument `amount` of `refund`: Money in USD where Money<EUR> is expected\"") != std::string::npos);
  CHECK(line.find('\n') == std::string::npos);
}
