// golden.cpp — goldenText(): read a golden file, or rewrite it when updating.
#include "golden.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace agentpol::test {

std::string goldenText(const std::string& path, const std::string& got) {
  if (std::getenv("AGENTPOL_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << got;
    return got;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream want;
  want << in.rdbuf();
  return want.str();
}

}  // namespace agentpol::test
