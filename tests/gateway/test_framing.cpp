// test_framing.cpp — LineFramer: lines split across chunks of any size, a
// trailing '\r' kept, an oversized line reported once and skipped to its
// newline with the next line intact, an unterminated last line at the end.
#include "stdio/line_framer.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using agentpol::gateway::LineFramer;

namespace {

struct Collect {
  std::vector<std::string> lines;
  int oversized = 0;
  LineFramer::LineFn line() {
    return [this](std::string_view l) { lines.emplace_back(l); };
  }
  LineFramer::OversizedFn over() {
    return [this] { ++oversized; };
  }
};

}  // namespace

TEST_CASE("framing: lines come out whole whatever the chunks", "[framing]") {
  const std::string input = "{\"a\":1}\n{\"b\":2}\r\n\n{\"c\":3}\n";
  for (size_t chunk : {size_t(1), size_t(2), size_t(5), input.size()}) {
    LineFramer f(100);
    Collect c;
    for (size_t at = 0; at < input.size(); at += chunk) f.feed(input.substr(at, chunk), c.line(), c.over());
    CHECK(c.lines == std::vector<std::string>{"{\"a\":1}", "{\"b\":2}\r", "", "{\"c\":3}"});
    CHECK(c.oversized == 0);
    CHECK(f.buffered() == 0);
  }
}

TEST_CASE("framing: an oversized line is reported once and skipped to its newline", "[framing]") {
  LineFramer f(10);
  Collect c;
  f.feed("short\n0123456789", c.line(), c.over());
  CHECK(c.oversized == 0);
  f.feed("ABCDEF", c.line(), c.over());  // now over the limit, no newline yet
  CHECK(c.oversized == 1);
  f.feed(std::string(1000, 'x'), c.line(), c.over());
  f.feed("yyy\nnext\n", c.line(), c.over());
  CHECK(c.oversized == 1);
  CHECK(c.lines == std::vector<std::string>{"short", "next"});
  CHECK(f.buffered() == 0);
}

TEST_CASE("framing: a line of exactly the limit passes; one byte more does not", "[framing]") {
  LineFramer f(4);
  Collect c;
  f.feed("abcd\nabcde\nok\n", c.line(), c.over());
  CHECK(c.lines == std::vector<std::string>{"abcd", "ok"});
  CHECK(c.oversized == 1);
}

TEST_CASE("framing: an unterminated last line is a line at the end", "[framing]") {
  LineFramer f(100);
  Collect c;
  f.feed("one\ntw", c.line(), c.over());
  f.feed("o", c.line(), c.over());
  f.finish(c.line(), c.over());
  CHECK(c.lines == std::vector<std::string>{"one", "two"});
}
