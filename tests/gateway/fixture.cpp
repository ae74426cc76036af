// fixture.cpp — compiling through tests/support (parse, sema, codegen, load).
#include "fixture.h"

#include "policy_load.h"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace agentpol::gateway::test {

const char* const kPolicy = R"(
namespace gw;
entity Agent { team: String }
entity Doc { owner: String }
record Window { first: Int, last: Int }
action read(doc: Doc) { lines: Int, tags: Set<String>, note: String, span: Window }
action list {}
action wipe {}
action publish { title: String }
agent reader { owner: "t", purpose: "reads", reviewed: 2026-11-01, may: [read, list, publish] }
agent old { owner: "t", purpose: "expired", reviewed: 2026-01-01, expires: 2026-02-01 }
@id("read-own") permit agent reader to read when doc.owner == "me" && lines <= 10;
@id("list") permit agent reader to list;
@id("wipe-never") forbid agent * to wipe;
@id("publish-needs-a-person") escalate agent reader to publish;
)";

std::shared_ptr<const Bundle> compile(const std::string& policy_text) {
  auto loaded = agentpol::test::loadPolicyText(policy_text);
  if (!loaded->policy) throw std::runtime_error(loaded->diagnostics());
  return agentpol::test::compileAndLoad(*loaded->policy);
}

std::string write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string write_bundle(const std::string& path, const std::string& policy_text) {
  std::vector<uint8_t> bytes = serialize(compile(policy_text)->image());
  return write_text(path, std::string(bytes.begin(), bytes.end()));
}

std::string temp_dir() {
  char tmpl[] = "/tmp/agentpol-gw-unit-XXXXXX";
  if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
  return tmpl;
}

}  // namespace agentpol::gateway::test
