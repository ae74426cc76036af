// arena.h — bump storage with stable addresses for a request's strings and
// set items. reset() keeps every block, so a warm request allocates nothing.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace agentpol {
namespace detail {

class Arena {
 public:
  // `bytes` of storage aligned for any scalar; valid until reset().
  void* alloc(size_t bytes);
  void reset() { cur_ = 0; used_ = 0; }

 private:
  struct Block {
    std::unique_ptr<std::max_align_t[]> mem;
    size_t size;
  };
  std::vector<Block> blocks_;
  size_t cur_ = 0, used_ = 0;
};

}  // namespace detail
}  // namespace agentpol
