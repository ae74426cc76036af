// agentpol/types.h — the run-time type codes shared by bundles, the loader and
// requests. A Type is one 32-bit word: kind (bits 0-3), set-of flag (bit 4),
// parameter (bits 5-31: currency, enum, entity type or record index).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace agentpol {

enum class Kind : uint8_t {
  Bool = 0, Int = 1, String = 2, Money = 3, Duration = 4, Time = 5,
  Enum = 6, Entity = 7, Record = 8,  // Record only in the records table
};
constexpr unsigned kKindCount = 9;

// A type code. Money's parameter packs its 3-letter currency (5 bits each).
struct Type {
  uint32_t code = 0;

  static constexpr Type of(Kind k, uint32_t param = 0) {
    return Type{static_cast<uint32_t>(k) | (param << 5)};
  }
  static constexpr Type boolean() { return of(Kind::Bool); }
  static constexpr Type integer() { return of(Kind::Int); }
  static constexpr Type string() { return of(Kind::String); }
  static constexpr Type duration() { return of(Kind::Duration); }
  static constexpr Type time() { return of(Kind::Time); }
  static constexpr Type enumeration(uint32_t e) { return of(Kind::Enum, e); }
  static constexpr Type entity(uint32_t t) { return of(Kind::Entity, t); }
  static constexpr Type record(uint32_t r) { return of(Kind::Record, r); }
  // Money in `currency` (three capitals "A".."Z"); returns Int-kind 0 on a bad code.
  static Type money(std::string_view currency);
  static constexpr Type set_of(Type elem) { return Type{elem.code | 0x10u}; }

  constexpr Kind kind() const { return static_cast<Kind>(code & 0xFu); }
  constexpr bool is_set() const { return (code & 0x10u) != 0; }
  constexpr uint32_t param() const { return code >> 5; }
  constexpr Type element() const { return Type{code & ~0x10u}; }
  // The currency code of a Money type ("EUR"), or "" for other types.
  std::string currency() const;
  // True for kinds held as one int64 compared by value (not String, not sets).
  constexpr bool is_int_like() const {
    return !is_set() && kind() != Kind::String && kind() != Kind::Record;
  }
  constexpr bool operator==(Type o) const { return code == o.code; }
  constexpr bool operator!=(Type o) const { return code != o.code; }
};

}  // namespace agentpol
