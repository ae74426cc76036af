// gen_billing_bundle.cpp — writes the hand-lowered billing bundle to the path
// given as argv[1]; the C API test (written in C) loads that file.
#include "image_builder.h"

#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::vector<uint8_t> bytes = agentpol::serialize(agentpol::test::billing_image());
  std::FILE* f = std::fopen(argv[1], "wb");
  if (!f) return 1;
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  return std::fclose(f) == 0 && ok ? 0 : 1;
}
