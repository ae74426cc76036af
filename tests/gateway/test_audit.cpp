// test_audit.cpp — the audit line (fields, order, values), reload events,
// audit ids, and FileAudit: lines appended, a full disk reported (so the
// session can refuse the call).
#include "core/audit_log.h"
#include "fixture.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

using namespace agentpol;
using namespace agentpol::gateway;

TEST_CASE("audit: RFC 3339 with milliseconds", "[audit]") {
  CHECK(rfc3339_millis(1795874580250) == "2026-11-28T14:03:00.250Z");
  CHECK(rfc3339_millis(0) == "1970-01-01T00:00:00.000Z");
  CHECK(rfc3339_millis(-1) == "1969-12-31T23:59:59.999Z");
}

TEST_CASE("audit: a call line holds every field, in the documented order", "[audit]") {
  Caller caller{"reader", std::string("ann")};
  json args = json::parse(R"({"path":"/a","head":2})");
  Verdict v;
  v.decision = Decision::Allow;
  v.reason = Reason::Permitted;
  v.rules = {"r1", "r2"};
  v.action = "read";
  Verdict s;
  s.rules = {};
  s.message = "why";
  CallRecord rec;
  rec.time_ms = 1795874580250;
  rec.audit_id = "abc-000001";
  rec.caller = &caller;
  rec.tool = "read_file";
  rec.args = &args;
  rec.verdict = &v;
  rec.bundle = "h1";
  rec.mode = "enforce";
  rec.outcome = "forwarded";
  rec.shadow = ShadowVerdict{&s, "h2"};
  CHECK(call_line(rec) ==
        R"({"time":"2026-11-28T14:03:00.250Z","audit_id":"abc-000001","agent":"reader","user":"ann","tool":"read_file",)"
        R"("action":"read","args":{"head":2,"path":"/a"},"decision":"allow","reason":"permitted","rules":["r1","r2"],)"
        R"("bundle":"h1","mode":"enforce","outcome":"forwarded","shadow":{"decision":"deny","reason":"bad_request",)"
        R"("rules":[],"bundle":"h2","flip":true,"message":"why"}})");
  Verdict none;
  none.message = "tool \"x\" maps to no action of the policy";
  rec.verdict = &none;
  rec.caller = &(caller = Caller{"reader", {}});
  rec.shadow.reset();
  rec.args = nullptr;
  rec.outcome = "blocked";
  CHECK(call_line(rec) ==
        R"({"time":"2026-11-28T14:03:00.250Z","audit_id":"abc-000001","agent":"reader","user":null,"tool":"read_file",)"
        R"("action":null,"args":null,"decision":"deny","reason":"bad_request","rules":[],)"
        R"("message":"tool \"x\" maps to no action of the policy","bundle":"h1","mode":"enforce","outcome":"blocked"})");
}

TEST_CASE("audit: a call line is valid JSON whatever its strings hold", "[audit]") {
  Caller caller{"reader", std::string("ann")};
  Verdict v;
  v.message = std::string("quote \" back\\slash \n\t\x01 caf\xc3\xa9 bad \xff\xfe end");
  CallRecord rec;
  rec.audit_id = "abc-000002";
  rec.caller = &caller;
  rec.tool = std::string("t\x80");  // not UTF-8
  rec.verdict = &v;
  rec.approver = std::string("ops \xc3");  // a cut-off sequence
  std::string line = call_line(rec);
  json parsed;
  REQUIRE_NOTHROW(parsed = json::parse(line));
  CHECK(parsed["message"] == "quote \" back\\slash \n\t\x01 caf\xc3\xa9 bad \xef\xbf\xbd\xef\xbf\xbd end");
  CHECK(parsed["tool"] == "t\xef\xbf\xbd");
  CHECK(parsed["approver"] == "ops \xef\xbf\xbd");
  CHECK(line.find('\n') == std::string::npos);  // one line
}

TEST_CASE("audit: reload events", "[audit]") {
  ReloadEvent e{"bundle_refused", "enforced", "/p/b.apb", "not a valid bundle: bad magic", "h1"};
  CHECK(reload_line(0, e) ==
        R"({"time":"1970-01-01T00:00:00.000Z","event":"bundle_refused","role":"enforced","file":"/p/b.apb",)"
        R"("error":"not a valid bundle: bad magic","bundle":"h1"})");
  CHECK(reload_line(0, {"context_loaded", "", "/c.json", "", "h1"}) ==
        R"({"time":"1970-01-01T00:00:00.000Z","event":"context_loaded","file":"/c.json","bundle":"h1"})");
}

TEST_CASE("audit: ids are unique within and across gateways", "[audit]") {
  AuditIds a, b;
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    seen.insert(a.next());
    seen.insert(b.next());
  }
  CHECK(seen.size() == 2000);
  CHECK(AuditIds().next().size() == std::string("0123456789ab-000001").size());
}

TEST_CASE("audit: a file gets one line per write; a full disk is an error", "[audit]") {
  std::string path = test::temp_dir() + "/audit.jsonl";
  std::string error;
  {
    auto log = FileAudit::open(path, true, &error);
    REQUIRE(log);
    CHECK(log->write("{\"a\":1}", &error));
    CHECK(log->write("{\"b\":2}", &error));
  }
  auto again = FileAudit::open(path, false, &error);  // appends
  CHECK(again->write("{\"c\":3}", &error));
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  CHECK(s.str() == "{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n");
  auto full = FileAudit::open("/dev/full", false, &error);
  REQUIRE(full);
  CHECK_FALSE(full->write("{}", &error));
  CHECK(error == "No space left on device");
  CHECK_FALSE(FileAudit::open("/nonexistent/dir/audit.jsonl", false, &error));
  CHECK(error.find("cannot open the audit log") == 0);
}
