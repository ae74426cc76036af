// request_input.h — the requests given to `eval --request`: a file (or `-`
// for stdin) holding one JSON object, a JSON array of objects, or JSON Lines
// (one object per line). RequestSplitter is fed the input as it arrives and
// hands each request's tree node to a RequestSink in order: JSON Lines one
// line at a time as soon as the line is complete (so `eval` serves as a
// co-process), an object or an array once the input has ended. A JSON Lines
// line that is not a request goes to the sink as a bad line and the stream
// goes on (spec section 9); any other malformed input is unreadable.
#pragma once

#include <string>
#include <string_view>

#include "request/json_tree.h"

namespace agentpol::driver {

// Reads a whole file, or stdin for "-"; false with a reason on failure.
bool readInput(const std::string& path, std::string* text, std::string* error);

class RequestSink {
 public:
  virtual ~RequestSink() = default;
  // A request of an object or array input, as a node of the parsed tree.
  virtual void request(const request::JsonTree& tree, uint32_t node) = 0;
  // A JSON Lines line (not blank), given as text: the sink reads it with
  // RequestReader::read(text) and, when that says unreadable, reports
  // lineProblem(name, number, error) with badLine.
  virtual void line(std::string_view text, size_t number) = 0;
  // A JSON Lines line that is not a request: "req.jsonl:7: not JSON: …".
  virtual void badLine(const std::string& message) = 0;
  // Every complete line fed so far was handed over (the next read may wait).
  virtual void idle() {}
};

// "req.jsonl:7: not JSON: parse error at column 3: …" for line `number`
// whose reading said `error` (nlohmann's "at line 1, column" made "at column").
std::string lineProblem(std::string_view name, size_t number, std::string error);

// The name messages give the input: "<stdin>" for "-".
inline std::string inputName(const std::string& path) { return path == "-" ? "<stdin>" : path; }

class RequestSplitter {
 public:
  // `name` prefixes messages ("<stdin>", "req.jsonl").
  RequestSplitter(std::string name, request::JsonTree& tree, RequestSink& sink)
      : name_(std::move(name)), tree_(tree), sink_(sink) {}

  // Takes the next bytes of the input; hands over the lines they complete.
  void feed(std::string_view bytes);
  // The input has ended: hands over the rest; false with *error when the
  // input is unreadable (bad JSON Lines lines are not: they went to the sink).
  bool finish(std::string* error);

 private:
  enum class Form { Unknown, Lines, Whole };
  void decideForm();
  void lines(bool atEnd);
  bool whole(std::string* error);

  std::string name_;
  request::JsonTree& tree_;
  RequestSink& sink_;
  std::string buf_;  // bytes not handed over yet (Lines: from the start of a line)
  size_t line_ = 0;  // lines handed over so far
  bool bomChecked_ = false;
  Form form_ = Form::Unknown;
};

// Feeds the whole of `path` (stdin for "-") to a splitter as it arrives:
// each read(2) is handed over at once, then the sink is told it is idle.
// False with *error when the input cannot be read or is unreadable.
bool readRequests(const std::string& path, request::JsonTree& tree, RequestSink& sink, std::string* error);

}  // namespace agentpol::driver
