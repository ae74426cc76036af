// char_stream.h — an ANTLR CharStream over already-decoded code points, so the
// lexer never runs ANTLR's own (throwing) UTF-8 conversion. Token start/stop
// indices are code-point indices; DecodedText maps them back to byte offsets.
// Internal to compiler/parse (includes ANTLR headers).
#pragma once

#include <string>
#include <string_view>

#include <antlr4-runtime.h>

#include "diag/utf8.h"

namespace agentpol::parse {

class CodePointStream : public antlr4::CharStream {
 public:
  CodePointStream(const DecodedText& decoded, std::string_view bytes, std::string name)
      : decoded_(decoded), bytes_(bytes), name_(std::move(name)) {}

  void consume() override;
  size_t LA(ssize_t i) override;
  ssize_t mark() override { return -1; }
  void release(ssize_t) override {}
  size_t index() override { return pos_; }
  void seek(size_t index) override { pos_ = std::min(index, size()); }
  size_t size() override { return decoded_.codePoints.size(); }
  std::string getSourceName() const override { return name_; }
  std::string getText(const antlr4::misc::Interval& interval) override;
  std::string toString() const override { return std::string(bytes_); }

 private:
  const DecodedText& decoded_;
  std::string_view bytes_;
  std::string name_;
  size_t pos_ = 0;
};

}  // namespace agentpol::parse
