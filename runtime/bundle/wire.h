// wire.h — byte-level primitives of the bundle format: LEB128 varints, zigzag
// signed ints, little-endian fixed fields, FNV-1a 64. ByteReader never reads
// past its end; every read reports failure instead.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace agentpol {

uint64_t fnv1a64(const uint8_t* data, size_t size, uint64_t seed = 0xcbf29ce484222325ull);

inline uint64_t zigzag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ (v < 0 ? ~uint64_t{0} : uint64_t{0});
}
inline int64_t unzigzag(uint64_t u) {
  return static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
}

class ByteWriter {
 public:
  void u8(uint8_t v) { out_.push_back(v); }
  void varint(uint64_t v);
  void svarint(int64_t v) { varint(zigzag(v)); }
  void fixed(uint64_t v, unsigned bytes);  // little endian
  void raw(const void* p, size_t n);
  std::vector<uint8_t>& bytes() { return out_; }

 private:
  std::vector<uint8_t> out_;
};

// Number of bytes varint(v) takes.
unsigned varint_size(uint64_t v);

class ByteReader {
 public:
  ByteReader(const uint8_t* p, size_t n) : p_(p), end_(p + n) {}
  bool u8(uint8_t* v);
  // Minimal-length LEB128 only (at most 10 bytes, no redundant zero bytes).
  bool varint(uint64_t* v);
  bool varint32(uint32_t* v);  // also checks the value fits 32 bits
  bool svarint(int64_t* v);
  bool fixed(unsigned bytes, uint64_t* v);
  bool bytes(size_t n, const uint8_t** p);
  size_t remaining() const { return static_cast<size_t>(end_ - p_); }
  const uint8_t* pos() const { return p_; }

 private:
  const uint8_t* p_;
  const uint8_t* end_;
};

}  // namespace agentpol
