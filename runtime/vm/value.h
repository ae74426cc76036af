// value.h — the VM's run-time value: one int64 plus a pointer. Scalars (Bool,
// Int, Money, Duration, Time, enum index, entity index) have p == nullptr;
// strings have p = bytes, n = length; sets have p = Val array, n = count.
//
// Every set the VM sees is canonical: its elements sorted by val_less and
// without duplicates (canonical_set). Request values, bundle constants and
// MKSET results are made canonical where they are built, so IN is a binary
// search and CONTAINS_ALL / CONTAINS_ANY / SET_EQ are linear merges: time
// stays linear in the data even for two large sets from one request.
#pragma once
#include <algorithm>
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

// The order of a canonical set's elements: scalars (p == nullptr) by value,
// strings by bytes (a prefix first). Elements of one set share one type.
inline bool val_less(const Val& a, const Val& b) {
  if (!a.p && !b.p) return a.n < b.n;
  size_t m = static_cast<size_t>(a.n < b.n ? a.n : b.n);
  int c = m ? std::memcmp(a.p, b.p, m) : 0;
  return c != 0 ? c < 0 : a.n < b.n;
}

// Sorts items[0..n) and drops duplicates; returns the new count.
inline int64_t canonical_set(Val* items, int64_t n) {
  if (n < 2) return n;
  std::sort(items, items + n, val_less);
  Val* end = std::unique(items, items + n, val_eq);
  return end - items;
}

// Sets below this size are searched linearly (faster than a binary search).
inline constexpr int64_t kLinearSetSearch = 8;

inline bool set_has(const Val& s, const Val& x) {
  const Val* it = set_items(s);
  if (s.n <= kLinearSetSearch) {
    for (int64_t i = 0; i < s.n; ++i)
      if (val_eq(it[i], x)) return true;
    return false;
  }
  const Val* at = std::lower_bound(it, it + s.n, x, val_less);
  return at != it + s.n && val_eq(*at, x);
}

// Every element of t is in s (both canonical: one merge pass, or a search
// per element when t is small).
inline bool set_contains_all(const Val& s, const Val& t) {
  if (t.n > s.n) return false;  // canonical sets: no duplicates
  const Val* b = set_items(t);
  if (t.n <= kLinearSetSearch) {
    for (int64_t j = 0; j < t.n; ++j)
      if (!set_has(s, b[j])) return false;
    return true;
  }
  const Val* a = set_items(s);
  int64_t i = 0;
  for (int64_t j = 0; j < t.n; ++j) {
    while (i < s.n && val_less(a[i], b[j])) ++i;
    if (i == s.n || !val_eq(a[i], b[j])) return false;
    ++i;
  }
  return true;
}

// Some element of t is in s (both canonical).
inline bool set_contains_any(const Val& s, const Val& t) {
  const Val* b = set_items(t);
  if (t.n <= kLinearSetSearch) {
    for (int64_t j = 0; j < t.n; ++j)
      if (set_has(s, b[j])) return true;
    return false;
  }
  const Val* a = set_items(s);
  int64_t i = 0, j = 0;
  while (i < s.n && j < t.n) {
    if (val_less(a[i], b[j])) ++i;
    else if (val_less(b[j], a[i])) ++j;
    else return true;
  }
  return false;
}

inline bool set_eq(const Val& a, const Val& b) {
  if (a.n != b.n) return false;
  const Val* x = set_items(a);
  const Val* y = set_items(b);
  for (int64_t i = 0; i < a.n; ++i)
    if (!val_eq(x[i], y[i])) return false;
  return true;
}

}  // namespace agentpol
