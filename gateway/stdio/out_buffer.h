// out_buffer.h — bytes waiting to be written to a non-blocking fd, written
// as far as the fd takes them, so a slow reader never stalls the loop.
#pragma once

#include <string>
#include <string_view>

namespace agentpol::gateway {

class OutBuffer {
 public:
  void append(std::string_view bytes) { data_.append(bytes); }
  bool empty() const { return off_ == data_.size(); }
  size_t pending() const { return data_.size() - off_; }
  void clear() { data_.clear(), off_ = 0; }
  // Writes what the fd takes now; false (with errno set) on a write error.
  bool write_some(int fd);

 private:
  std::string data_;
  size_t off_ = 0;
};

}  // namespace agentpol::gateway
