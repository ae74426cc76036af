// text.cpp — text forms of Money ("32.00 EUR") and Duration ("15m") used by
// the audit renderer and the disassembler (Time: civil_time.cpp).
#include <agentpol/audit.h>

namespace agentpol {

namespace {

void two(int64_t v, std::string* out) {
  out->push_back(static_cast<char>('0' + v / 10));
  out->push_back(static_cast<char>('0' + v % 10));
}

std::string digits(uint64_t v) { return std::to_string(v); }

}  // namespace

void format_money(int64_t minor, const std::string& currency, std::string* out) {
  uint64_t u = minor < 0 ? 0 - static_cast<uint64_t>(minor) : static_cast<uint64_t>(minor);
  if (minor < 0) out->push_back('-');
  *out += digits(u / 100);
  out->push_back('.');
  two(static_cast<int64_t>(u % 100), out);
  out->push_back(' ');
  *out += currency;
}

void format_duration(int64_t s, std::string* out) {
  uint64_t u = s < 0 ? 0 - static_cast<uint64_t>(s) : static_cast<uint64_t>(s);
  if (s < 0) out->push_back('-');
  static const struct { uint64_t size; char unit; } kUnits[] = {{86400, 'd'}, {3600, 'h'}, {60, 'm'}};
  for (const auto& k : kUnits) {
    if (u != 0 && u % k.size == 0) {
      *out += digits(u / k.size);
      out->push_back(k.unit);
      return;
    }
  }
  *out += digits(u);
  out->push_back('s');
}

}  // namespace agentpol
