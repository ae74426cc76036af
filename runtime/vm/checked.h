// checked.h — int64 arithmetic that reports overflow instead of wrapping
// (overflow is an evaluation error, spec 5/6.2). Portable, no builtins.
#pragma once
#include <cstdint>
#include <limits>

namespace agentpol {
namespace detail {

constexpr int64_t kI64Max = std::numeric_limits<int64_t>::max();
constexpr int64_t kI64Min = std::numeric_limits<int64_t>::min();

inline bool checked_add(int64_t a, int64_t b, int64_t* r) {
  if ((b > 0 && a > kI64Max - b) || (b < 0 && a < kI64Min - b)) return false;
  *r = a + b;
  return true;
}

inline bool checked_sub(int64_t a, int64_t b, int64_t* r) {
  if ((b < 0 && a > kI64Max + b) || (b > 0 && a < kI64Min + b)) return false;
  *r = a - b;
  return true;
}

inline bool checked_mul(int64_t a, int64_t b, int64_t* r) {
  if (a > 0) {
    if (b > 0 ? a > kI64Max / b : b < kI64Min / a) return false;
  } else if (a < 0) {
    if (b > 0 ? a < kI64Min / b : (b != 0 && a < kI64Max / b)) return false;
  }
  *r = a * b;
  return true;
}

inline bool checked_neg(int64_t a, int64_t* r) {
  if (a == kI64Min) return false;
  *r = -a;
  return true;
}

}  // namespace detail
}  // namespace agentpol
