// line_framer.cpp — LineFramer: scans only new bytes for '\n' (a long line
// arriving in many chunks costs linear time) and drops an oversized line's
// bytes as they come.
#include "stdio/line_framer.h"

namespace agentpol::gateway {

void LineFramer::feed(std::string_view bytes, const LineFn& on_line, const OversizedFn& on_oversized) {
  while (!bytes.empty()) {
    size_t nl = bytes.find('\n');
    if (skipping_) {
      if (nl == std::string_view::npos) return;
      skipping_ = false;
      bytes.remove_prefix(nl + 1);
      continue;
    }
    std::string_view part = bytes.substr(0, nl);
    if (buf_.size() + part.size() > max_) {
      buf_.clear();
      on_oversized();
      skipping_ = nl == std::string_view::npos;
      if (!skipping_) bytes.remove_prefix(nl + 1);
      else return;
      continue;
    }
    if (nl == std::string_view::npos) {
      buf_.append(part);
      return;
    }
    if (buf_.empty()) {
      on_line(part);
    } else {
      buf_.append(part);
      on_line(buf_);
      buf_.clear();
    }
    bytes.remove_prefix(nl + 1);
  }
}

void LineFramer::finish(const LineFn& on_line, const OversizedFn&) {
  if (!buf_.empty() && !skipping_) on_line(buf_);
  buf_.clear();
  skipping_ = false;
}

}  // namespace agentpol::gateway
