// has_test.cpp — optional attributes are readable only after a `has` test
// the checker can see (spec 5), facts are tracked on attribute paths, and
// `user` is optional in agent rules and asserts.
#include <catch2/catch.hpp>

#include "sema_test_util.h"

using namespace agentpol::test;

namespace {

void expectCodes(const char* src, std::vector<std::string> codes) { checkCodes(*checkWithSchema(src), src, codes); }

void expectClean(const char* src) { expectCodes(src, {}); }

}  // namespace

TEST_CASE("has is visible to the right of && and in the then branch", "[has]") {
  expectClean("permit user to refund when user has manager && user.manager == order.customer;");
  expectClean("permit user to refund when (user has manager && user has nickname) && user.nickname == \"x\";");
  expectClean("permit user to refund when if user has manager then user.manager.region == \"EU\" else false;");
  expectClean("permit agent * to * when context has ref && context.ref like \"x*\";");
  expectClean("permit agent * to refund when order has note && order.note == \"n\";");
}

TEST_CASE("has is visible after !(e has a) || and in the else branch of a negated guard", "[has]") {
  expectClean("permit user to refund when !(user has manager) || user.manager.region == \"EU\";");
  expectClean("permit user to refund when if !(user has nickname) then true else user.nickname == \"x\";");
  expectClean("permit user to refund when !(!(user has manager)) && user.manager == order.customer;");
}

TEST_CASE("a rule's unless sees the facts of its when", "[has]") {
  expectClean("permit user to refund when user has manager unless user.manager.region == \"US\";");
  expectCodes("permit user to refund when true unless user.manager.region == \"US\";", {"E0317@test:1"});
}

TEST_CASE("has facts are tracked on attribute paths", "[has]") {
  expectClean(
      "permit user to refund when order.customer has manager && order.customer.manager.region == \"EU\";");
  expectCodes("permit user to refund when user has manager && order.customer.manager == user;", {"E0317@test:1"});
  expectCodes("permit user to refund when order.customer has manager && user.manager == user;", {"E0317@test:1"});
  expectClean(
      "permit user to refund when user has manager && user.manager has manager && "
      "user.manager.manager.region == \"EU\";");
  expectCodes("permit user to refund when user has manager && user.manager.manager == user;", {"E0317@test:1"});
}

TEST_CASE("has is not visible where it is not known to hold", "[has]") {
  expectCodes("permit user to refund when user.manager == order.customer;", {"E0317@test:1"});
  expectCodes("permit user to refund when user has manager || user.manager == order.customer;", {"E0317@test:1"});
  expectCodes("permit user to refund when user.manager == order.customer && user has manager;", {"E0317@test:1"});
  expectCodes("permit user to refund when !(user has manager) && user.manager == user;", {"E0317@test:1"});
  expectCodes("permit user to refund when if user has manager then true else user.manager == user;",
              {"E0317@test:1"});
  expectCodes("permit user to refund when (if true then user has manager else false) || user.manager == user;",
              {"E0317@test:1"});
  expectCodes("permit agent * to * when context.ref == \"x\";", {"E0317@test:1"});
  expectCodes("permit agent * to * when context.token.label == \"x\";", {"E0317@test:1"});
}

TEST_CASE("has facts are not carried out of a def call", "[has]") {
  expectCodes(
      "def has_mgr(u: User): Bool = u has manager;\n"
      "permit user to refund when has_mgr(user) && user.manager == order.customer;",
      {"E0317@test:2"});
  // Inside the def, its own test is visible.
  expectClean(
      "def mgr_region(u: User, r: String): Bool = u has manager && u.manager.region == r;\n"
      "permit user to refund when mgr_region(user, \"EU\");");
  expectCodes("def bad(u: User): Bool = u.manager == u;", {"E0317@test:1"});
}

TEST_CASE("user is optional in agent rules and asserts, present in user rules", "[has]") {
  expectClean("permit user to refund when order.customer == user;");
  expectClean("permit agent * to refund when has user && order.customer == user;");
  expectClean("permit agent * to refund unless has user && user.region == \"US\";");
  expectClean("permit agent * to refund when has user unless user.region == \"US\";");
  expectClean("permit agent * to refund when !has user || user.region == \"EU\";");
  expectClean("assert a: for refund: allowed && has user => order.customer == user;");
  expectCodes("permit agent * to refund when order.customer == user;", {"E0318@test:1"});
  expectCodes("permit agent * to refund when has user || user.region == \"EU\";", {"E0318@test:1"});
  expectCodes("assert a: for refund: allowed => order.customer == user;", {"E0318@test:1"});
  expectCodes("permit agent * to refund when user has manager;", {"E0318@test:1"});
  expectClean("permit agent * to refund when has user && user has manager && user.manager == order.customer;");
}
