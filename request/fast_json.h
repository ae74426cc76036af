// fast_json.h — simdjson's DOM parser behind a small door: parse() copies the
// text into a reused padded buffer and builds simdjson's tape there (SIMD
// kernels picked at run time, nesting bounded by kMaxJsonDepth); TapeView
// (tape_view.h) reads that tape. simdjson's own headers stay in
// fast_json.cpp. The tape format is simdjson's documented one (tape.md).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

namespace agentpol::request {

class FastJson {
 public:
  FastJson();
  ~FastJson();
  FastJson(FastJson&&) noexcept;
  FastJson& operator=(FastJson&&) noexcept;

  // False when simdjson refuses the text (then nothing else is valid).
  bool parse(std::string_view text);

  // Valid until the next parse.
  const uint64_t* tape() const { return tape_; }
  const uint8_t* strings() const { return strings_; }
  std::string_view input() const { return input_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  const uint64_t* tape_ = nullptr;
  const uint8_t* strings_ = nullptr;
  std::string_view input_;
};

}  // namespace agentpol::request
