// sha256.h — a small, dependency-free SHA-256 (FIPS 180-4) used for the
// source hash of a CheckedPolicy (and, through it, the bundle hash).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace agentpol::sema {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  std::array<uint8_t, 32> finish();  // the object is spent afterwards

  static std::array<uint8_t, 32> of(std::string_view bytes);
  static std::string hex(const std::array<uint8_t, 32>& digest);

 private:
  void block(const uint8_t* p);
  std::array<uint32_t, 8> h_;
  std::array<uint8_t, 64> buf_{};
  size_t used_ = 0;
  uint64_t total_ = 0;
};

}  // namespace agentpol::sema
