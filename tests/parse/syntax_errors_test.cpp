// syntax_errors_test.cpp — E0005: one test per syntax-error shape, checking
// the exact rendered message (plain language, caret, no ANTLR wording).
#include <catch2/catch.hpp>

#include <string>

#include "parse_test_util.h"

using agentpol::test::renderedFor;

TEST_CASE("missing ; before the next declaration points after the rule", "[syntax]") {
  CHECK(renderedFor(R"x(permit agent a to b when x > 1
permit agent c to d;
)x") ==
        R"x(test.agentpol:1:31: error[E0005]: expected `;` after the rule
    1 | permit agent a to b when x > 1
      |                               ^
)x");
}

TEST_CASE("missing ; at end of file", "[syntax]") {
  CHECK(renderedFor(R"x(@id("x") permit user to *)x") ==
        R"x(test.agentpol:1:26: error[E0005]: expected `;` after the rule
    1 | @id("x") permit user to *
      |                          ^
)x");
}

TEST_CASE("missing ; with another token on the line", "[syntax]") {
  CHECK(renderedFor(R"x(permit agent a to b when x y;)x") ==
        R"x(test.agentpol:1:28: error[E0005]: expected `;` after the rule, found name `y`
    1 | permit agent a to b when x y;
      |                            ^
)x");
}

TEST_CASE("missing to after the subject", "[syntax]") {
  CHECK(renderedFor(R"x(permit agent a b when x;)x") ==
        R"x(test.agentpol:1:16: error[E0005]: expected `to` after the rule's subject, found name `b`
    1 | permit agent a b when x;
      |                ^
)x");
}

TEST_CASE("missing operand before )", "[syntax]") {
  CHECK(renderedFor(R"x(permit agent a to b when (x > );)x") ==
        R"x(test.agentpol:1:31: error[E0005]: unexpected `)`; expected an expression
    1 | permit agent a to b when (x > );
      |                               ^
)x");
}

TEST_CASE("missing expression at end of file", "[syntax]") {
  CHECK(renderedFor(R"x(permit agent a to b when)x") ==
        R"x(test.agentpol:1:25: error[E0005]: unexpected end of file; expected an expression
    1 | permit agent a to b when
      |                         ^
)x");
}

TEST_CASE("missing rule subject", "[syntax]") {
  CHECK(renderedFor(R"x(permit to b;)x") ==
        R"x(test.agentpol:1:8: error[E0005]: unexpected keyword `to`; expected `agent` or `user`
    1 | permit to b;
      |        ^~
)x");
}

TEST_CASE("missing comma between call arguments", "[syntax]") {
  CHECK(renderedFor(R"x(forbid agent * to * unless f(a, now 15m);)x") ==
        R"x(test.agentpol:1:37: error[E0005]: unexpected duration `15m`; expected `,` or `)`
    1 | forbid agent * to * unless f(a, now 15m);
      |                                     ^~~
)x");
}

TEST_CASE("missing comma between fields", "[syntax]") {
  CHECK(renderedFor(R"x(record R { a: Int b: Int })x") ==
        R"x(test.agentpol:1:19: error[E0005]: unexpected name `b`; expected `,` or `}`
    1 | record R { a: Int b: Int }
      |                   ^
)x");
}

TEST_CASE("missing comma in a set literal", "[syntax]") {
  CHECK(renderedFor(R"x(permit user to b when x in ["a" "b"];)x") ==
        R"x(test.agentpol:1:33: error[E0005]: unexpected string "b"; expected `,` or `]`
    1 | permit user to b when x in ["a" "b"];
      |                                 ^~~
)x");
}

TEST_CASE("a keyword used as an enum value", "[syntax]") {
  CHECK(renderedFor(R"x(enum E { to })x") ==
        R"x(test.agentpol:1:10: error[E0005]: unexpected keyword `to`; expected `,` or `}` (`to` is a reserved word)
    1 | enum E { to }
      |          ^~
)x");
}

TEST_CASE("a keyword in a qualified name", "[syntax]") {
  CHECK(renderedFor(R"x(namespace a.to;)x") ==
        R"x(test.agentpol:1:13: error[E0005]: unexpected keyword `to`; expected a name (`to` is a reserved word)
    1 | namespace a.to;
      |             ^~
)x");
}

TEST_CASE("a name where a declaration should start", "[syntax]") {
  CHECK(renderedFor(R"x(x y z; permit user to a;)x") ==
        R"x(test.agentpol:1:1: error[E0005]: unexpected name `x`; expected a declaration
    1 | x y z; permit user to a;
      | ^
)x");
}

TEST_CASE("a stray semicolon", "[syntax]") {
  CHECK(renderedFor(R"x(permit user to b;;)x") ==
        R"x(test.agentpol:1:18: error[E0005]: unexpected `;`; expected a declaration
    1 | permit user to b;;
      |                  ^
)x");
}

TEST_CASE("an unclosed parenthesis", "[syntax]") {
  CHECK(renderedFor(R"x(permit user to b when (x;)x") ==
        R"x(test.agentpol:1:25: error[E0005]: unexpected `;`; expected `)`
    1 | permit user to b when (x;
      |                         ^
)x");
}

TEST_CASE("an extra closing parenthesis", "[syntax]") {
  CHECK(renderedFor(R"x(permit user to b when x);)x") ==
        R"x(test.agentpol:1:24: error[E0005]: expected `;` after the rule, found `)`
    1 | permit user to b when x);
      |                        ^
)x");
}

TEST_CASE("if without else", "[syntax]") {
  CHECK(renderedFor(R"x(permit user to b when if x then y;)x") ==
        R"x(test.agentpol:1:34: error[E0005]: unexpected `;`; expected `else`
    1 | permit user to b when if x then y;
      |                                  ^
)x");
}

TEST_CASE("def without =", "[syntax]") {
  CHECK(renderedFor(R"x(def f(x: Int): Int x;)x") ==
        R"x(test.agentpol:1:20: error[E0005]: expected `=` before the body of the definition, found name `x`
    1 | def f(x: Int): Int x;
      |                    ^
)x");
}

TEST_CASE("def without a result type", "[syntax]") {
  CHECK(renderedFor(R"x(def f(x: Int) = x;)x") ==
        R"x(test.agentpol:1:15: error[E0005]: expected `:` and a result type after the parameters, found `=`
    1 | def f(x: Int) = x;
      |               ^
)x");
}

TEST_CASE("assert without : after its name", "[syntax]") {
  CHECK(renderedFor(R"x(assert a for b: x;)x") ==
        R"x(test.agentpol:1:10: error[E0005]: unexpected keyword `for`; expected `:`
    1 | assert a for b: x;
      |          ^~~
)x");
}

TEST_CASE("annotation value that is not a string", "[syntax]") {
  CHECK(renderedFor(R"x(@id(x) permit user to b;)x") ==
        R"x(test.agentpol:1:5: error[E0005]: unexpected name `x`; expected a string
    1 | @id(x) permit user to b;
      |     ^
)x");
}

TEST_CASE("unclosed type argument", "[syntax]") {
  CHECK(renderedFor(R"x(entity E { a: Set<Int })x") ==
        R"x(test.agentpol:1:23: error[E0005]: unexpected `}`; expected `>`
    1 | entity E { a: Set<Int }
      |                       ^
)x");
}

TEST_CASE("field without :", "[syntax]") {
  CHECK(renderedFor(R"x(entity E { a Int })x") ==
        R"x(test.agentpol:1:14: error[E0005]: expected `:` after the field name, found name `Int`
    1 | entity E { a Int }
      |              ^~~
)x");
}

TEST_CASE("like with a non-literal pattern", "[syntax]") {
  CHECK(renderedFor(R"x(permit user to b when x like y;)x") ==
        R"x(test.agentpol:1:30: error[E0005]: unexpected name `y`; expected a string
    1 | permit user to b when x like y;
      |                              ^
)x");
}

TEST_CASE("one message per broken declaration", "[syntax]") {
  CHECK(renderedFor(R"x(permit user to b when ) ) ) ;
forbid user to c when ( ( ;
permit user to d;
)x") ==
        R"x(test.agentpol:1:23: error[E0005]: unexpected `)`; expected an expression
    1 | permit user to b when ) ) ) ;
      |                       ^
test.agentpol:2:27: error[E0005]: unexpected `;`; expected an expression
    2 | forbid user to c when ( ( ;
      |                           ^
)x");
}

TEST_CASE("an error in one declaration leaves the next intact", "[syntax]") {
  CHECK(renderedFor(R"x(entity E { a: }
entity F { b: Int }
)x") ==
        R"x(test.agentpol:1:15: error[E0005]: unexpected `}`; expected a name
    1 | entity E { a: }
      |               ^
)x");
}

TEST_CASE("a file cut in the middle of a declaration", "[syntax]") {
  CHECK(renderedFor(R"x(namespace billing;
entity User { roles: Set<Str)x") ==
        R"x(test.agentpol:2:29: error[E0005]: unexpected end of file; expected `>`
    2 | entity User { roles: Set<Str
      |                             ^
)x");
}
