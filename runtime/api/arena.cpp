// arena.cpp — Arena::alloc: first fit in the current block, else the next
// kept block that is big enough, else a new block (>= 4 KiB).
#include "api/arena.h"

namespace agentpol {
namespace detail {

void* Arena::alloc(size_t bytes) {
  constexpr size_t kAlign = alignof(std::max_align_t);
  bytes = (bytes + kAlign - 1) / kAlign * kAlign;
  if (bytes == 0) bytes = kAlign;
  while (cur_ < blocks_.size()) {
    Block& b = blocks_[cur_];
    if (b.size - used_ >= bytes) {
      void* p = reinterpret_cast<char*>(b.mem.get()) + used_;
      used_ += bytes;
      return p;
    }
    ++cur_;
    used_ = 0;
  }
  size_t size = bytes > 4096 ? bytes : 4096;
  blocks_.push_back({std::unique_ptr<std::max_align_t[]>(new std::max_align_t[size / kAlign]), size});
  cur_ = blocks_.size() - 1;
  used_ = bytes;
  return blocks_.back().mem.get();
}

}  // namespace detail
}  // namespace agentpol
