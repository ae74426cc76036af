// text.cpp — text forms of Time (RFC 3339 UTC), Money ("32.00 EUR") and
// Duration ("15m") used by the audit renderer and the disassembler.
#include <agentpol/audit.h>

namespace agentpol {

namespace {

void two(int64_t v, std::string* out) {
  out->push_back(static_cast<char>('0' + v / 10));
  out->push_back(static_cast<char>('0' + v % 10));
}

std::string digits(uint64_t v) { return std::to_string(v); }

}  // namespace

// Days-to-civil after Howard Hinnant's public-domain algorithm.
void format_time(int64_t t, std::string* out) {
  int64_t days = t / 86400, secs = t % 86400;
  if (secs < 0) { secs += 86400; --days; }
  int64_t z = days + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  std::string year = std::to_string(y < 0 ? -y : y);
  if (y < 0) out->push_back('-');
  out->append(year.size() < 4 ? 4 - year.size() : 0, '0');
  *out += year;
  out->push_back('-'); two(m, out);
  out->push_back('-'); two(d, out);
  out->push_back('T'); two(secs / 3600, out);
  out->push_back(':'); two(secs / 60 % 60, out);
  out->push_back(':'); two(secs % 60, out);
  out->push_back('Z');
}

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
