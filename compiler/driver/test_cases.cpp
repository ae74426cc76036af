// test_cases.cpp — finding test files and reading their cases: every key is
// checked (unknown keys, missing `expect`, unknown decision or reason code
// make the case malformed rather than stopping the run).
#include "driver/test_cases.h"

#include <agentpol/decide.h>

#include <algorithm>
#include <filesystem>

#include "driver/request_input.h"

namespace agentpol::driver {
namespace fs = std::filesystem;
using request::JsonKind;
using request::JsonTree;

namespace {

bool isReason(std::string_view s) {
  for (int r = 0; r <= static_cast<int>(Reason::BadRequest); ++r)
    if (s == to_string(static_cast<Reason>(r))) return true;
  return false;
}

// A JSON array of strings at node n; false if it is anything else.
bool stringList(const JsonTree& t, uint32_t n, std::vector<std::string>* out) {
  if (t.node(n).kind != JsonKind::Array) return false;
  for (uint32_t c = n + 1; c < t.node(n).end; c = t.node(c).end) {
    if (t.node(c).kind != JsonKind::String) return false;
    out->emplace_back(t.str(t.node(c)));
  }
  return true;
}

std::string field(const JsonTree& t, uint32_t obj, std::string_view key, TestCase& tc, bool required) {
  uint32_t n = t.find(obj, key);
  if (n == request::kNoNode) {
    if (required && tc.problem.empty()) tc.problem = "missing `" + std::string(key) + "`";
    return "";
  }
  if (t.node(n).kind == JsonKind::String) return std::string(t.str(t.node(n)));
  if (tc.problem.empty()) tc.problem = "`" + std::string(key) + "` must be a string";
  return "";
}

void readLists(const JsonTree& t, uint32_t obj, TestCase& tc) {
  uint32_t n = t.find(obj, "rules");
  if (n != request::kNoNode) {
    std::vector<std::string> rules;
    if (!stringList(t, n, &rules) && tc.problem.empty()) tc.problem = "`rules` must be an array of rule ids";
    std::sort(rules.begin(), rules.end());
    rules.erase(std::unique(rules.begin(), rules.end()), rules.end());
    tc.rules = std::move(rules);
  }
  n = t.find(obj, "revoke");
  if (n != request::kNoNode && !stringList(t, n, &tc.revoke) && tc.problem.empty())
    tc.problem = "`revoke` must be an array of agent names";
}

TestCase readCase(const JsonTree& t, uint32_t obj, size_t index) {
  TestCase tc;
  tc.name = "#" + std::to_string(index);
  if (t.node(obj).kind != JsonKind::Object) {
    tc.problem = "a test case must be a JSON object";
    return tc;
  }
  for (uint32_t c = obj + 1; c < t.node(obj).end; c = t.node(c).end) {
    std::string_view k = t.key(t.node(c));
    bool known = k == "name" || k == "request" || k == "expect" || k == "reason" || k == "rules" || k == "revoke";
    if (!known && tc.problem.empty())
      tc.problem = "unknown key `" + std::string(k) + "` (expected name, request, expect, reason, rules, revoke)";
    else if (t.find(obj, k) != c && tc.problem.empty())
      tc.problem = "key `" + std::string(k) + "` given twice";
  }
  std::string name = field(t, obj, "name", tc, true);
  if (!name.empty()) tc.name = name;
  tc.expect = field(t, obj, "expect", tc, true);
  if (!tc.expect.empty() && tc.expect != "allow" && tc.expect != "escalate" && tc.expect != "deny" && tc.problem.empty())
    tc.problem = "`expect` must be allow, escalate or deny, not `" + tc.expect + "`";
  if (t.find(obj, "reason") != request::kNoNode) {
    tc.reason = field(t, obj, "reason", tc, false);
    if (!isReason(*tc.reason) && tc.problem.empty()) tc.problem = "unknown reason code `" + *tc.reason + "`";
  }
  readLists(t, obj, tc);
  tc.request = t.find(obj, "request");
  if (tc.request == request::kNoNode && tc.problem.empty()) tc.problem = "missing `request`";
  else if (tc.request != request::kNoNode && t.node(tc.request).kind != JsonKind::Object && tc.problem.empty())
    tc.problem = "`request` must be a JSON object";
  return tc;
}

}  // namespace

bool collectTestFiles(const std::vector<std::string>& paths, std::vector<std::string>* files, std::string* error) {
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) {
      *error = p + ": no such file or folder";
      return false;
    }
    if (!fs::is_directory(p, ec)) {
      files->push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec) && it->path().extension() == ".json") found.push_back(it->path().string());
    if (found.empty()) {
      *error = p + ": no .json test files in this folder";
      return false;
    }
    std::sort(found.begin(), found.end());
    files->insert(files->end(), found.begin(), found.end());
  }
  return true;
}

std::unique_ptr<TestFile> loadTestFile(const std::string& path) {
  auto f = std::make_unique<TestFile>();
  f->path = path;
  std::string text, why;
  if (!readInput(path, &text, &why)) {
    f->error = why;
    return f;
  }
  if (!f->tree.parse(text, &why)) {
    f->error = path + ": not JSON: " + why;
    return f;
  }
  if (f->tree.node(0).kind != JsonKind::Array) {
    f->error = path + ": expected a JSON array of test cases";
    return f;
  }
  size_t i = 0;
  for (uint32_t c = 1; c < f->tree.node(0).end; c = f->tree.node(c).end) f->cases.push_back(readCase(f->tree, c, i++));
  return f;
}

}  // namespace agentpol::driver
