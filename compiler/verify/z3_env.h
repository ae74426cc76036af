// z3_env.h — the one z3::context a verification run shares, and the sorts of
// agentpol values in it, named by declaration so that two policy versions
// (diff) encoded in the same Z3Env share every symbol they have in common.
// Also: int64 bounds, and conversion of UTF-8 text to and from Z3 strings.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include <z3++.h>

#include "sema/checked_policy.h"

namespace agentpol::verify {

inline constexpr int64_t kI64Min = INT64_MIN;
inline constexpr int64_t kI64Max = INT64_MAX;
// The times a request JSON can carry (spec 8, RFC 3339 with a 4-digit year):
// 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z. Every Time term of the
// encoding is in this range, so no counterexample holds a time that
// replays as bad_request.
inline constexpr int64_t kTimeMin = -62135596800LL;
inline constexpr int64_t kTimeMax = 253402300799LL;

// An enum's Z3 datatype: one constant per value, in declaration order.
struct EnumSort {
  z3::sort sort;
  std::vector<z3::func_decl> values;
};

class Z3Env {
 public:
  Z3Env();
  z3::context& ctx() { return ctx_; }

  // The Z3 sort holding a value of `t` (records have none: they are
  // flattened). Entities are elements of an uninterpreted sort named after
  // the entity type; sets are arrays to Bool over elementKeySort.
  z3::sort sortOf(const sema::Schema& schema, const sema::Type* t);
  // The key of a set element: entities are keyed by their id (String).
  z3::sort elementKeySort(const sema::Schema& schema, const sema::Type* elem);
  z3::sort entitySort(const sema::RecordInfo& entity);
  const EnumSort& enumSort(const sema::EnumInfo& info);

  z3::expr inI64(const z3::expr& e);  // kI64Min <= e <= kI64Max
  z3::expr inTimeRange(const z3::expr& e);  // kTimeMin <= e <= kTimeMax
  z3::expr i64(int64_t v) { return ctx_.int_val(v); }
  // A UTF-8 string as a Z3 string literal (code points; no escapes lost).
  z3::expr str(const std::string& utf8);

 private:
  z3::context ctx_;
  std::map<std::string, std::unique_ptr<EnumSort>> enums_;
};

// The text of a Z3 string value in a model, as UTF-8 (code points taken one
// by one, so no escape of Z3's printer can be misread). False when a code
// point cannot be written in UTF-8 (a surrogate or beyond U+10FFFF).
bool modelString(const z3::model& m, const z3::expr& s, std::string& utf8);

// Z3 numeral to int64; false when it does not fit.
bool toI64(const z3::expr& numeral, int64_t& out);

}  // namespace agentpol::verify
