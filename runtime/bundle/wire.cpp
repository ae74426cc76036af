// wire.cpp — varint/fixed encoding and the FNV-1a checksum used by the
// bundle writer (serialize.cpp) and reader (parse.cpp).
#include "bundle/wire.h"

namespace agentpol {

uint64_t fnv1a64(const uint8_t* data, size_t size, uint64_t seed) {
  uint64_t h = seed;
  for (size_t i = 0; i < size; ++i) {
    h ^= data[i];
    h *= 0x100000001b3ull;
  }
  return h;
}

void ByteWriter::varint(uint64_t v) {
  while (v >= 0x80) {
    out_.push_back(static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  out_.push_back(static_cast<uint8_t>(v));
}

void ByteWriter::fixed(uint64_t v, unsigned bytes) {
  for (unsigned i = 0; i < bytes; ++i) out_.push_back(static_cast<uint8_t>(v >> (8 * i)));
}

void ByteWriter::raw(const void* p, size_t n) {
  const auto* b = static_cast<const uint8_t*>(p);
  out_.insert(out_.end(), b, b + n);
}

unsigned varint_size(uint64_t v) {
  unsigned n = 1;
  while (v >= 0x80) {
    v >>= 7;
    ++n;
  }
  return n;
}

bool ByteReader::u8(uint8_t* v) {
  if (p_ == end_) return false;
  *v = *p_++;
  return true;
}

bool ByteReader::varint(uint64_t* v) {
  uint64_t result = 0;
  for (unsigned i = 0; i < 10; ++i) {
    if (p_ == end_) return false;
    uint8_t b = *p_++;
    if (i == 9 && b > 1) return false;            // beyond 64 bits
    result |= static_cast<uint64_t>(b & 0x7f) << (7 * i);
    if ((b & 0x80) == 0) {
      if (b == 0 && i > 0) return false;          // non-minimal encoding
      *v = result;
      return true;
    }
  }
  return false;
}

bool ByteReader::varint32(uint32_t* v) {
  uint64_t x;
  if (!varint(&x) || x > 0xffffffffull) return false;
  *v = static_cast<uint32_t>(x);
  return true;
}

bool ByteReader::svarint(int64_t* v) {
  uint64_t x;
  if (!varint(&x)) return false;
  *v = unzigzag(x);
  return true;
}

bool ByteReader::fixed(unsigned bytes, uint64_t* v) {
  if (remaining() < bytes) return false;
  uint64_t r = 0;
  for (unsigned i = 0; i < bytes; ++i) r |= static_cast<uint64_t>(p_[i]) << (8 * i);
  p_ += bytes;
  *v = r;
  return true;
}

bool ByteReader::bytes(size_t n, const uint8_t** p) {
  if (remaining() < n) return false;
  *p = p_;
  p_ += n;
  return true;
}

}  // namespace agentpol
