// fixture.h — shared by the gateway unit tests: policies compiled by the real
// compiler (to a loaded bundle, or to a bundle file for PolicyFiles), temp
// directories, and the test policy every session test uses.
#pragma once

#include <agentpol/bundle.h>

#include <memory>
#include <string>

namespace agentpol::gateway::test {

std::shared_ptr<const Bundle> compile(const std::string& policy_text);
// Writes the compiled bundle to `path`; returns path.
std::string write_bundle(const std::string& path, const std::string& policy_text);
std::string write_text(const std::string& path, const std::string& text);
// A fresh directory under /tmp.
std::string temp_dir();

// Agents reader/writer, entity-typed parameters, an Int, a Set, a record arg.
extern const char* const kPolicy;

}  // namespace agentpol::gateway::test
