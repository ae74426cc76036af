// request_input.cpp — reading `--request` input and telling its three forms
// apart as it arrives: a leading `{` whose line parses on its own starts JSON
// Lines (decided line by line); anything else is one JSON text, read to the
// end: an object, or an array of objects.
#include "driver/request_input.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace agentpol::driver {
namespace {

using request::JsonKind;
using request::JsonTree;

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

size_t firstNonSpace(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && isSpace(s[i])) ++i;
  return i;
}

// nlohmann reports "at line 1, column 7" within one JSON Lines line.
std::string withinLine(std::string message) {
  const std::string kLine1 = "at line 1, column";
  size_t at = message.find(kLine1);
  if (at != std::string::npos) message.replace(at, kLine1.size(), "at column");
  return message;
}

}  // namespace

std::string lineProblem(std::string_view name, size_t number, std::string error) {
  return std::string(name) + ":" + std::to_string(number) + ": " + withinLine(std::move(error));
}

bool readInput(const std::string& path, std::string* text, std::string* error) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) {
    *error = path + ": cannot open (" + std::string(std::strerror(errno)) + ")";
    return false;
  }
  text->clear();
  if (f != stdin && std::fseek(f, 0, SEEK_END) == 0) {  // one allocation for a regular file
    long size = std::ftell(f);
    if (size > 0) text->reserve(static_cast<size_t>(size));
    std::rewind(f);
  }
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text->append(buf, n);
  bool bad = std::ferror(f) != 0;
  if (f != stdin) std::fclose(f);
  if (bad) *error = path + ": read error";
  return !bad;
}

void RequestSplitter::feed(std::string_view bytes) {
  buf_.append(bytes.data(), bytes.size());
  if (!bomChecked_ && buf_.size() >= 3) {
    if (buf_.compare(0, 3, "\xEF\xBB\xBF") == 0) buf_.erase(0, 3);  // a UTF-8 byte order mark
    bomChecked_ = true;
  }
  if (form_ == Form::Unknown && bomChecked_) decideForm();
  if (form_ == Form::Lines) lines(false);
}

// JSON Lines when the line holding the first non-space byte starts with `{`
// and parses on its own; one JSON text when it does not (a pretty-printed
// object) or does not start with `{`. Undecided until that line is complete.
void RequestSplitter::decideForm() {
  size_t first = firstNonSpace(buf_);
  if (first == buf_.size()) return;
  if (buf_[first] != '{') {
    form_ = Form::Whole;
    return;
  }
  size_t nl = buf_.find('\n', first);
  if (nl == std::string::npos) return;
  std::string why;
  form_ = tree_.parse(std::string_view(buf_).substr(0, nl), &why) ? Form::Lines : Form::Whole;
}

void RequestSplitter::lines(bool atEnd) {
  size_t pos = 0;
  while (pos < buf_.size()) {
    size_t nl = buf_.find('\n', pos);
    if (nl == std::string::npos && !atEnd) break;  // the rest of this line is still to come
    size_t stop = nl == std::string::npos ? buf_.size() : nl;
    std::string_view l(buf_.data() + pos, stop - pos);
    ++line_;
    if (firstNonSpace(l) != l.size()) sink_.line(l, line_);  // blank lines are allowed
    pos = nl == std::string::npos ? buf_.size() : nl + 1;
  }
  buf_.erase(0, pos);
}

bool RequestSplitter::finish(std::string* error) {
  if (!bomChecked_ && buf_.compare(0, 3, "\xEF\xBB\xBF") == 0) buf_.erase(0, 3);
  bomChecked_ = true;
  if (form_ == Form::Unknown) {
    if (firstNonSpace(buf_) == buf_.size()) {
      *error = name_ + ": no request (the input is empty)";
      return false;
    }
    form_ = Form::Whole;  // one line without its newline: one JSON text
  }
  if (form_ == Form::Lines) {
    lines(true);
    return true;
  }
  return whole(error);
}

bool RequestSplitter::whole(std::string* error) {
  std::string why;
  if (!tree_.parse(buf_, &why)) {
    *error = name_ + ": not JSON: " + why;
    return false;
  }
  if (tree_.node(0).kind == JsonKind::Object) {
    sink_.request(tree_, 0);
    return true;
  }
  if (tree_.node(0).kind != JsonKind::Array) {
    *error = name_ + ": expected a request object, an array of them, or JSON Lines";
    return false;
  }
  size_t i = 0;
  for (uint32_t c = 1; c < tree_.node(0).end; c = tree_.node(c).end, ++i) {
    if (tree_.node(c).kind == JsonKind::Object) continue;
    *error = name_ + ": element " + std::to_string(i) + " of the array is not a JSON object (a request)";
    return false;
  }
  if (i == 0) {
    *error = name_ + ": the array holds no request";
    return false;
  }
  for (uint32_t c = 1; c < tree_.node(0).end; c = tree_.node(c).end) sink_.request(tree_, c);
  return true;
}

bool readRequests(const std::string& path, request::JsonTree& tree, RequestSink& sink, std::string* error) {
  int fd = path == "-" ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = path + ": cannot open (" + std::string(std::strerror(errno)) + ")";
    return false;
  }
  RequestSplitter splitter(inputName(path), tree, sink);
  static constexpr size_t kChunk = 1 << 18;
  std::string chunk(kChunk, '\0');
  bool ok = true;
  for (;;) {
    ssize_t n = ::read(fd, chunk.data(), kChunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = path + ": read error (" + std::string(std::strerror(errno)) + ")";
      ok = false;
      break;
    }
    if (n == 0) break;
    splitter.feed(std::string_view(chunk.data(), static_cast<size_t>(n)));
    sink.idle();
  }
  if (fd != 0) ::close(fd);
  return ok && splitter.finish(error);
}

}  // namespace agentpol::driver
