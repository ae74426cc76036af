// format.h — the fixed header of a bundle file and the bit layouts shared by
// serialize.cpp (writer) and parse.cpp (reader). docs/bytecode.md is the
// byte-by-byte description.
#pragma once
#include <cstddef>
#include <cstdint>

namespace agentpol {

constexpr uint8_t kMagic[4] = {'A', 'P', 'B', 0x1A};
constexpr size_t kOffVersion = 4;    // u16
constexpr size_t kOffFlags = 6;      // u16, must be 0
constexpr size_t kOffChecksum = 8;   // u64 FNV-1a of every other byte
constexpr size_t kOffLength = 16;    // u32 whole file size
constexpr size_t kOffSourceHash = 20;  // 32 bytes
constexpr size_t kHeaderSize = 52;
constexpr size_t kMaxBundleSize = 64u << 20;  // 64 MiB

constexpr uint32_t kSlotOptional = 1;  // slot flags
constexpr uint32_t kAgentReviewed = 1, kAgentExpires = 2, kAgentScope = 4;  // agent flags

// Checksum of a whole file: FNV-1a 64 over bytes [0,8) then [16,size).
uint64_t bundle_checksum(const uint8_t* data, size_t size);

}  // namespace agentpol
