// z3_env.cpp — sorts of agentpol values in Z3, int64 bounds, and UTF-8 <->
// Z3 string conversion (Z3 strings are sequences of Unicode code points).
#include "verify/z3_env.h"

#include "diag/utf8.h"

#include <fmt/format.h>

namespace agentpol::verify {

Z3Env::Z3Env() {}

z3::sort Z3Env::entitySort(const sema::RecordInfo& entity) {
  return ctx_.uninterpreted_sort(("E:" + entity.name).c_str());
}

const EnumSort& Z3Env::enumSort(const sema::EnumInfo& info) {
  // Named by declaration *and* values, so two versions of an enum never clash.
  std::string key = info.name + "{";
  for (const std::string& v : info.values) key += v + ",";
  key += "}";
  auto it = enums_.find(key);
  if (it != enums_.end()) return *it->second;
  std::vector<std::string> names;
  for (const std::string& v : info.values) names.push_back(key + "." + v);
  std::vector<const char*> cnames;
  for (const std::string& n : names) cnames.push_back(n.c_str());
  z3::func_decl_vector consts(ctx_), testers(ctx_);
  z3::sort s = ctx_.enumeration_sort(key.c_str(), static_cast<unsigned>(cnames.size()), cnames.data(), consts,
                                     testers);
  auto es = std::make_unique<EnumSort>(EnumSort{s, {}});
  for (unsigned i = 0; i < consts.size(); ++i) es->values.push_back(consts[i]);
  return *enums_.emplace(key, std::move(es)).first->second;
}

z3::sort Z3Env::elementKeySort(const sema::Schema& schema, const sema::Type* elem) {
  if (elem->kind() == sema::Type::Kind::Entity) return ctx_.string_sort();
  return sortOf(schema, elem);
}

z3::sort Z3Env::sortOf(const sema::Schema& schema, const sema::Type* t) {
  using K = sema::Type::Kind;
  switch (t->kind()) {
    case K::Bool: return ctx_.bool_sort();
    case K::Int: case K::Money: case K::Duration: case K::Time: return ctx_.int_sort();
    case K::String: return ctx_.string_sort();
    case K::Enum: return enumSort(schema.enumOf(t)).sort;
    case K::Entity: return entitySort(schema.entities[t->index()]);
    case K::Set: return ctx_.array_sort(elementKeySort(schema, t->element()), ctx_.bool_sort());
    case K::EmptySet: return ctx_.array_sort(ctx_.int_sort(), ctx_.bool_sort());
    case K::Record: case K::Error: break;
  }
  throw std::logic_error("verify: no Z3 sort for type " + t->str());
}

z3::expr Z3Env::inI64(const z3::expr& e) { return e >= ctx_.int_val(kI64Min) && e <= ctx_.int_val(kI64Max); }
z3::expr Z3Env::inTimeRange(const z3::expr& e) { return e >= ctx_.int_val(kTimeMin) && e <= ctx_.int_val(kTimeMax); }

namespace {

// One code point of `s` at byte `i` (advancing `i`); a byte that does not
// start valid UTF-8 stands for itself, so nothing is ever dropped.
uint32_t nextCodePoint(const std::string& s, size_t& i) {
  char32_t cp = 0;
  size_t n = decodeOne(s, i, &cp);
  if (n == 0) return static_cast<unsigned char>(s[i++]);
  i += n;
  return cp;
}

}  // namespace

z3::expr Z3Env::str(const std::string& utf8) {
  // Z3_mk_string reads `\u{…}` escapes; everything but plain printable ASCII
  // (and the backslash itself) goes through one, so nothing is misread.
  std::string esc;
  for (size_t i = 0; i < utf8.size();) {
    uint32_t cp = nextCodePoint(utf8, i);
    if (cp >= 0x20 && cp < 0x7F && cp != '\\') esc += static_cast<char>(cp);
    else esc += fmt::format("\\u{{{:x}}}", cp);
  }
  return ctx_.string_val(esc.c_str());
}

bool toI64(const z3::expr& numeral, int64_t& out) {
  if (!numeral.is_numeral()) return false;
  std::string text = numeral.get_decimal_string(0);
  try {
    size_t used = 0;
    long long v = std::stoll(text, &used);
    if (used != text.size()) return false;
    out = v;
    return true;
  } catch (...) {
    return false;
  }
}

bool modelString(const z3::model& m, const z3::expr& s, std::string& utf8) {
  z3::context& c = s.ctx();
  int64_t len = 0;
  if (!toI64(m.eval(s.length(), true), len) || len < 0) return false;
  utf8.clear();
  bool ok = true;
  for (int64_t i = 0; i < len; ++i) {
    z3::expr ch = m.eval(s.nth(c.int_val(i)), true);
    // A character value prints as `(_ Char N)`.
    std::string text = ch.to_string();
    auto pos = text.find("Char ");
    if (pos == std::string::npos) return false;
    uint32_t cp = static_cast<uint32_t>(std::stoul(text.substr(pos + 5)));
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) ok = false;
    appendUtf8(utf8, static_cast<char32_t>(cp));
  }
  return ok;
}

}  // namespace agentpol::verify
