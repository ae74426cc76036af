// types_test.cpp — type interning and printing, the allowed set elements,
// and SHA-256 against the FIPS 180-4 test vectors.
#include <catch2/catch.hpp>

#include "sema/sha256.h"
#include "sema/type.h"

using namespace agentpol::sema;

TEST_CASE("types are interned: equal types are the same pointer", "[types]") {
  TypeContext tc;
  CHECK(tc.money("EUR") == tc.money("EUR"));
  CHECK(tc.money("EUR") != tc.money("USD"));
  CHECK(tc.set(tc.string()) == tc.set(tc.string()));
  CHECK(tc.set(tc.money("EUR")) == tc.set(tc.money("EUR")));
  CHECK(tc.set(tc.integer()) != tc.set(tc.string()));
  const Type* e = tc.makeNamed(Type::Kind::Entity, "User", 0);
  CHECK(tc.set(e) == tc.set(e));
}

TEST_CASE("types print as written in policies", "[types]") {
  TypeContext tc;
  CHECK(tc.money("EUR")->str() == "Money<EUR>");
  CHECK(tc.set(tc.string())->str() == "Set<String>");
  CHECK(tc.set(tc.money("USD"))->str() == "Set<Money<USD>>");
  CHECK(tc.duration()->str() == "Duration");
  CHECK(tc.time()->str() == "Time");
  CHECK(tc.emptySet()->str() == "[]");
  CHECK(tc.makeNamed(Type::Kind::Record, "Token", 1)->str() == "Token");
}

TEST_CASE("set elements: scalars, enums and entities only", "[types]") {
  TypeContext tc;
  CHECK(isValidSetElement(tc.boolean()));
  CHECK(isValidSetElement(tc.integer()));
  CHECK(isValidSetElement(tc.string()));
  CHECK(isValidSetElement(tc.money("EUR")));
  CHECK(isValidSetElement(tc.duration()));
  CHECK(isValidSetElement(tc.time()));
  CHECK(isValidSetElement(tc.makeNamed(Type::Kind::Enum, "Intent", 0)));
  CHECK(isValidSetElement(tc.makeNamed(Type::Kind::Entity, "User", 0)));
  CHECK_FALSE(isValidSetElement(tc.makeNamed(Type::Kind::Record, "Token", 0)));
  CHECK_FALSE(isValidSetElement(tc.set(tc.string())));
  CHECK_FALSE(isValidSetElement(tc.emptySet()));
}

TEST_CASE("compatible and join: [] matches any set, error matches anything", "[types]") {
  TypeContext tc;
  const Type* ss = tc.set(tc.string());
  CHECK(compatible(ss, tc.emptySet()));
  CHECK(compatible(tc.emptySet(), ss));
  CHECK(join(tc.emptySet(), ss) == ss);
  CHECK(join(ss, tc.emptySet()) == ss);
  CHECK_FALSE(compatible(tc.emptySet(), tc.string()));
  CHECK(compatible(tc.error(), tc.integer()));
  CHECK_FALSE(compatible(tc.money("EUR"), tc.money("USD")));
  CHECK_FALSE(compatible(tc.money("EUR"), tc.integer()));
}

TEST_CASE("SHA-256 matches the FIPS 180-4 vectors", "[hash]") {
  CHECK(Sha256::hex(Sha256::of("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256::hex(Sha256::of("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256::hex(Sha256::of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // One million 'a's, fed in uneven pieces.
  Sha256 h;
  std::string chunk(997, 'a');
  size_t left = 1000000;
  while (left > 0) {
    size_t n = std::min(left, chunk.size());
    h.update(std::string_view(chunk.data(), n));
    left -= n;
  }
  CHECK(Sha256::hex(h.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
