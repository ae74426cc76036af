// test_cases.h — the test files of `agentpolc test --tests PATH`: PATH is a
// JSON file or a folder searched recursively for *.json files (sorted). Each
// file is an array of {"name","request","expect","reason"?,"rules"?,"revoke"?};
// a malformed case is kept with its problem so the runner reports it failed.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "request/json_tree.h"

namespace agentpol::driver {

struct TestCase {
  std::string name;                  // "#3" when the case has no usable name
  uint32_t request = request::kNoNode;  // the request object in the file's tree
  std::string expect;                // "allow", "escalate" or "deny"
  std::optional<std::string> reason;
  std::optional<std::vector<std::string>> rules;  // sorted, unique
  std::vector<std::string> revoke;
  std::string problem;               // non-empty: the case is malformed
};

struct TestFile {
  std::string path;
  std::string error;  // non-empty: unreadable (not JSON, not an array)
  request::JsonTree tree;
  std::vector<TestCase> cases;
};

// Expands --tests paths into files; false with a message for a missing path
// or a folder without .json files.
bool collectTestFiles(const std::vector<std::string>& paths, std::vector<std::string>* files, std::string* error);

// Reads and checks one test file.
std::unique_ptr<TestFile> loadTestFile(const std::string& path);

}  // namespace agentpol::driver
