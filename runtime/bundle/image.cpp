// image.cpp — small helpers of the plain-data types in bundle_image.h and
// types.h: Money currency packing, glob splitting and image equality.
#include <agentpol/bundle_image.h>

namespace agentpol {

Type Type::money(std::string_view cur) {
  if (cur.size() != 3) return Type::integer();
  uint32_t p = 0;
  for (char c : cur) {
    if (c < 'A' || c > 'Z') return Type::integer();
    p = (p << 5) | static_cast<uint32_t>(c - 'A');
  }
  return of(Kind::Money, p);
}

std::string Type::currency() const {
  if (kind() != Kind::Money) return {};
  uint32_t p = param();
  std::string s(3, '?');
  for (int i = 2; i >= 0; --i, p >>= 5) s[static_cast<size_t>(i)] = static_cast<char>('A' + (p & 31));
  return s;
}

PatternImage PatternImage::from_glob(const std::string& glob) {
  PatternImage p;
  p.segments.emplace_back();
  for (size_t i = 0; i < glob.size(); ++i) {
    char c = glob[i];
    if (c == '\\' && i + 1 < glob.size() && (glob[i + 1] == '*' || glob[i + 1] == '\\')) {
      p.segments.back().push_back(glob[++i]);
    } else if (c == '*') {
      p.segments.emplace_back();
    } else {
      p.segments.back().push_back(c);
    }
  }
  return p;
}

bool BundleImage::operator==(const BundleImage& o) const {
  return source_hash == o.source_hash && ns == o.ns && enums == o.enums && records == o.records &&
         entity_types == o.entity_types && agent_type == o.agent_type && user_type == o.user_type &&
         context == o.context && actions == o.actions && agents == o.agents &&
         constants == o.constants && patterns == o.patterns && code == o.code && rules == o.rules &&
         debug == o.debug;
}

}  // namespace agentpol
