// out_buffer.cpp — OutBuffer::write_some: write(2) until EAGAIN, compacting
// once the written prefix is large.
#include "stdio/out_buffer.h"

#include <cerrno>
#include <unistd.h>

namespace agentpol::gateway {

bool OutBuffer::write_some(int fd) {
  while (off_ < data_.size()) {
    ssize_t n = ::write(fd, data_.data() + off_, data_.size() - off_);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    if (n <= 0) return false;
    off_ += static_cast<size_t>(n);
  }
  if (off_ == data_.size()) clear();
  else if (off_ > (1u << 20) && off_ > data_.size() / 2) data_.erase(0, off_), off_ = 0;
  return true;
}

}  // namespace agentpol::gateway
