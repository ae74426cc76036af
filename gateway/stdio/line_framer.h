// line_framer.h — MCP's stdio framing: one JSON-RPC message per line, lines
// ended by '\n'. Bytes arrive in chunks of any size; complete lines come out
// in order. A line longer than the limit is never buffered whole: it is
// reported once as oversized and skipped up to its newline.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace agentpol::gateway {

class LineFramer {
 public:
  using LineFn = std::function<void(std::string_view line)>;
  using OversizedFn = std::function<void()>;

  explicit LineFramer(size_t max_line) : max_(max_line) {}

  // Consumes `bytes`; calls on_line for each complete line (without the
  // '\n'; a trailing '\r' is kept, JSON allows it) and on_oversized once for
  // each line longer than the limit.
  void feed(std::string_view bytes, const LineFn& on_line, const OversizedFn& on_oversized);
  // At end of input: an unterminated last line, if any, is a line too.
  void finish(const LineFn& on_line, const OversizedFn& on_oversized);
  size_t buffered() const { return buf_.size(); }

 private:
  size_t max_;
  std::string buf_;
  bool skipping_ = false;  // inside an oversized line
};

}  // namespace agentpol::gateway
