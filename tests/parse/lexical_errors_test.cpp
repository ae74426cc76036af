// lexical_errors_test.cpp — E0001-E0004 and E0007: invalid UTF-8, stray
// characters, unterminated strings and comments, malformed numbers; each
// reported once, with no syntax error piled on top.
#include <catch2/catch.hpp>

#include <string>

#include "parse_test_util.h"

using agentpol::test::renderedFor;

TEST_CASE("E0002 a stray character", "[lexical]") {
  CHECK(renderedFor(R"x(permit user to b when x # 1;)x") ==
        R"x(test.agentpol:1:25: error[E0002]: unexpected character `#`; comments start with `//`
    1 | permit user to b when x # 1;
      |                         ^
)x");
}

TEST_CASE("E0002 a single & suggests &&", "[lexical]") {
  CHECK(renderedFor(R"x(permit user to b when x & y;)x") ==
        R"x(test.agentpol:1:25: error[E0002]: unexpected character `&`; did you mean `&&`?
    1 | permit user to b when x & y;
      |                         ^
)x");
}

TEST_CASE("E0002 a # suggests a comment", "[lexical]") {
  CHECK(renderedFor(R"x(# a comment?
permit user to b;)x") ==
        R"x(test.agentpol:1:1: error[E0002]: unexpected character `#`; comments start with `//`
    1 | # a comment?
      | ^
)x");
}

TEST_CASE("E0002 a run of stray characters is reported once", "[lexical]") {
  CHECK(renderedFor(R"x(permit user to b;
$$$ permit user to c;)x") ==
        R"x(test.agentpol:2:1: error[E0002]: unexpected character `$`
    2 | $$$ permit user to c;
      | ^
)x");
}

TEST_CASE("E0002 a control character is shown escaped", "[lexical]") {
  CHECK(renderedFor("permit user to b;\001") ==
        "test.agentpol:1:18: error[E0002]: unexpected character `\\u{1}`\n    1 | permit user to b;\001\n      |                  ^\n");
}

TEST_CASE("E0002 a NUL byte", "[lexical]") {
  CHECK(renderedFor(std::string("permit user to b;\000\npermit user to c;", 36)) ==
        std::string("test.agentpol:1:18: error[E0002]: unexpected character `\\u{0}`\n    1 | permit user to b;\000\n      |                  ^\n", 117));
}

TEST_CASE("E0002 a non-ASCII character", "[lexical]") {
  CHECK(renderedFor(R"x(permit user to b when x → y;)x") ==
        R"x(test.agentpol:1:25: error[E0002]: unexpected character `→`
    1 | permit user to b when x → y;
      |                         ^
)x");
}

TEST_CASE("E0003 an unterminated string", "[lexical]") {
  CHECK(renderedFor(R"x(agent a { owner: "team }
)x") ==
        R"x(test.agentpol:1:18: error[E0003]: unterminated string literal
    1 | agent a { owner: "team }
      |                  ^
)x");
}

TEST_CASE("E0003 a lone quote", "[lexical]") {
  CHECK(renderedFor(R"x(")x") ==
        R"x(test.agentpol:1:1: error[E0003]: unterminated string literal
    1 | "
      | ^
)x");
}

TEST_CASE("E0004 an unterminated block comment", "[lexical]") {
  CHECK(renderedFor(R"x(permit user to b;
/* never closed
permit user to c;)x") ==
        R"x(test.agentpol:2:1: error[E0004]: unterminated block comment (missing `*/`)
    2 | /* never closed
      | ^~
)x");
}

TEST_CASE("E0004 a lone comment opener", "[lexical]") {
  CHECK(renderedFor(R"x(/*)x") ==
        R"x(test.agentpol:1:1: error[E0004]: unterminated block comment (missing `*/`)
    1 | /*
      | ^~
)x");
}

TEST_CASE("E0007 a currency glued to its amount", "[lexical]") {
  CHECK(renderedFor(R"x(permit user to b when amount <= 12EUR;)x") ==
        R"x(test.agentpol:1:33: error[E0007]: malformed number `12EUR`: put a space between the amount and the currency: `12 EUR`
    1 | permit user to b when amount <= 12EUR;
      |                                 ^~~~~
)x");
}

TEST_CASE("E0007 a duration with a long unit", "[lexical]") {
  CHECK(renderedFor(R"x(permit user to b when d < 30sec;)x") ==
        R"x(test.agentpol:1:27: error[E0007]: malformed number `30sec`: a duration is a whole number followed by one of `s`, `m`, `h`, `d`, as in `15m`
    1 | permit user to b when d < 30sec;
      |                           ^~~~~
)x");
}

TEST_CASE("E0007 a number followed by letters", "[lexical]") {
  CHECK(renderedFor(R"x(permit user to b when n < 1e5;)x") ==
        R"x(test.agentpol:1:27: error[E0007]: malformed number `1e5`: a number cannot be followed by letters
    1 | permit user to b when n < 1e5;
      |                           ^~~
)x");
}

TEST_CASE("E0001 a lone continuation byte", "[lexical]") {
  CHECK(renderedFor("namespace a;\n// bad \200 byte\n") ==
        "test.agentpol:2:8: error[E0001]: invalid UTF-8 byte sequence `\\x80`; source files must be UTF-8\n    2 | // bad \357\277\275 byte\n      |        ^\n");
}

TEST_CASE("E0001 an overlong encoding", "[lexical]") {
  CHECK(renderedFor("namespace \300\257;") ==
        "test.agentpol:1:11: error[E0001]: invalid UTF-8 byte sequence `\\xC0\\xAF`; source files must be UTF-8\n    1 | namespace \357\277\275\357\277\275;\n      |           ^~\n");
}

TEST_CASE("E0001 an encoded surrogate", "[lexical]") {
  CHECK(renderedFor("agent a { owner: \"\355\240\200\" }") ==
        "test.agentpol:1:19: error[E0001]: invalid UTF-8 byte sequence `\\xED\\xA0\\x80`; source files must be UTF-8\n    1 | agent a { owner: \"\357\277\275\357\277\275\357\277\275\" }\n      |                   ^~~\n");
}

TEST_CASE("E0001 a sequence cut off by the end of file", "[lexical]") {
  CHECK(renderedFor("agent a { owner: \"\342\202") ==
        "test.agentpol:1:19: error[E0001]: invalid UTF-8 byte sequence `\\xE2\\x82`; source files must be UTF-8\n    1 | agent a { owner: \"\357\277\275\357\277\275\n      |                   ^~\n");
}

TEST_CASE("E0001 a code point above U+10FFFF", "[lexical]") {
  CHECK(renderedFor("\"\364\220\200\200\"") ==
        "test.agentpol:1:2: error[E0001]: invalid UTF-8 byte sequence `\\xF4\\x90\\x80\\x80`; source files must be UTF-8\n    1 | \"\357\277\275\357\277\275\357\277\275\357\277\275\"\n      |  ^~~~\n");
}

TEST_CASE("E0001 each invalid run is reported", "[lexical]") {
  CHECK(renderedFor("\377\376 ok \303") ==
        "test.agentpol:1:1: error[E0001]: invalid UTF-8 byte sequence `\\xFF\\xFE`; source files must be UTF-8\n    1 | \357\277\275\357\277\275 ok \357\277\275\n      | ^~\ntest.agentpol:1:7: error[E0001]: invalid UTF-8 byte sequence `\\xC3`; source files must be UTF-8\n    1 | \357\277\275\357\277\275 ok \357\277\275\n      |       ^\n");
}
