// value.h — the VM's run-time value: one int64 plus a pointer. Scalars (Bool,
// Int, Money, Duration, Time, enum index, entity index) have p == nullptr;
// strings have p = bytes, n = length; sets have p = Val array, n = count.
#pragma once
#include <cstdint>
#include <cstring>

namespace agentpol {

struct Val {
  int64_t n;
  const void* p;
};

inline Val scalar_val(int64_t n) { return Val{n, nullptr}; }

// Equality of two non-set values of one type (strings by bytes).
inline bool val_eq(const Val& a, const Val& b) {
  if (a.n != b.n) return false;
  if (a.p == b.p) return true;
  if (!a.p || !b.p) return false;
  if (a.n == 0) return true;
  const char* x = static_cast<const char*>(a.p);
  const char* y = static_cast<const char*>(b.p);
  if (x[0] != y[0]) return false;  // most unequal strings differ at once: no call
  return std::memcmp(x + 1, y + 1, static_cast<size_t>(a.n) - 1) == 0;
}

inline const Val* set_items(const Val& s) { return static_cast<const Val*>(s.p); }

inline bool set_has(const Val& s, const Val& x) {
  const Val* it = set_items(s);
  for (int64_t i = 0; i < s.n; ++i)
    if (val_eq(it[i], x)) return true;
  return false;
}

// Every element of t is in s.
inline bool set_contains_all(const Val& s, const Val& t) {
  const Val* it = set_items(t);
  for (int64_t i = 0; i < t.n; ++i)
    if (!set_has(s, it[i])) return false;
  return true;
}

inline bool set_contains_any(const Val& s, const Val& t) {
  const Val* it = set_items(t);
  for (int64_t i = 0; i < t.n; ++i)
    if (set_has(s, it[i])) return true;
  return false;
}

inline bool set_eq(const Val& a, const Val& b) {
  return set_contains_all(a, b) && set_contains_all(b, a);
}

}  // namespace agentpol
