// glob.cpp — `like` matching against a pattern stored as segments split at
// its wildcards: prefix, suffix, and leftmost-greedy middle segments (correct
// for `*`-only globs). Linear in the text per segment; never allocates.
#include "vm/interp.h"

#include <string_view>

namespace agentpol {
namespace detail {

namespace {
std::string_view sv(const Val& v) {
  return std::string_view(static_cast<const char*>(v.p), static_cast<size_t>(v.n));
}
}  // namespace

bool glob_match(const char* s, size_t n, const Val* segs, uint32_t count) {
  std::string_view text(s, n);
  std::string_view first = sv(segs[0]);
  if (count == 1) return text == first;
  std::string_view last = sv(segs[count - 1]);
  if (n < first.size() + last.size()) return false;
  if (text.substr(0, first.size()) != first || text.substr(n - last.size()) != last) return false;
  size_t pos = first.size(), end = n - last.size();
  for (uint32_t i = 1; i + 1 < count; ++i) {
    std::string_view seg = sv(segs[i]);
    size_t at = text.substr(pos, end - pos).find(seg);
    if (at == std::string_view::npos) return false;
    pos += at + seg.size();
  }
  return true;
}

}  // namespace detail
}  // namespace agentpol
