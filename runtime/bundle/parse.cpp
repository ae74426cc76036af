// parse.cpp — bytes -> BundleImage: checks the header, length and checksum,
// then reads every table with bounds-checked reads and rebuilds each rule's
// agents and bodies from the rule index, checking the index is consistent.
// Semantic checks (types, indices, code) are the loader's (loader/).
#include "bundle/format.h"
#include "bundle/utf8.h"
#include "bundle/wire.h"

#include <agentpol/bundle_image.h>

#include <algorithm>

namespace agentpol {
namespace {

struct RuleState {
  enum { None, Wild, Named } mode = None;
  size_t named_entries = 0;
};

class Parser {
 public:
  Parser(const uint8_t* p, size_t n, BundleImage* out) : r_(p, n), im_(*out) {}
  bool run();
  std::string error;

 private:
  bool fail(const char* what) {
    if (error.empty()) error = what;
    return false;
  }
  bool count(uint32_t* n) {  // every element takes at least one byte
    return r_.varint32(n) && *n <= r_.remaining() ? true : fail("count exceeds the data");
  }
  bool idx(uint32_t* v, size_t limit, const char* what) {
    return r_.varint32(v) && *v < limit ? true : fail(what);
  }
  bool str(std::string* s) {
    uint32_t i;
    if (!idx(&i, strings_.size(), "string index out of range")) return false;
    *s = strings_[i];
    return true;
  }
  bool strings();
  bool slots(std::vector<SlotImage>* v);
  bool schema();
  bool agents();
  bool constants();
  bool code();
  bool rules();
  bool index();
  bool debug();
  bool lists(uint32_t action, int subject, uint32_t agent);

  ByteReader r_;
  BundleImage& im_;
  std::vector<std::string> strings_;
  std::vector<RuleState> state_;
  std::vector<std::vector<uint32_t>> agent_sets_;
};

bool Parser::strings() {
  uint32_t n;
  if (!count(&n)) return false;
  strings_.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t len;
    const uint8_t* p;
    if (!count(&len) || !r_.bytes(len, &p)) return fail("string exceeds the data");
    if (!valid_utf8(p, len)) return fail("string is not valid UTF-8");
    strings_[i].assign(reinterpret_cast<const char*>(p), len);
  }
  return true;
}

bool Parser::slots(std::vector<SlotImage>* v) {
  uint32_t n;
  if (!count(&n)) return false;
  v->resize(n);
  for (SlotImage& s : *v) {
    uint32_t flags;
    if (!str(&s.name) || !r_.varint32(&s.type.code) || !r_.varint32(&flags)) return fail("truncated slot");
    if (flags & ~kSlotOptional) return fail("unknown slot flags");
    s.optional = flags != 0;
  }
  return true;
}

bool Parser::schema() {
  uint32_t n;
  if (!str(&im_.ns) || !count(&n)) return fail("truncated schema");
  im_.enums.resize(n);
  for (EnumImage& e : im_.enums) {
    uint32_t nv;
    if (!str(&e.name) || !count(&nv)) return false;
    e.values.resize(nv);
    for (std::string& v : e.values) if (!str(&v)) return false;
  }
  if (!count(&n)) return false;
  im_.records.resize(n);
  for (RecordImage& rec : im_.records) if (!str(&rec.name) || !slots(&rec.fields)) return false;
  if (!count(&n)) return false;
  im_.entity_types.resize(n);
  for (EntityTypeImage& t : im_.entity_types) if (!str(&t.name) || !slots(&t.attrs)) return false;
  uint32_t at, ut;
  if (!idx(&at, n + 1ull, "agent type out of range") || !idx(&ut, n + 1ull, "user type out of range"))
    return false;
  if (at) im_.agent_type = at - 1;
  if (ut) im_.user_type = ut - 1;
  if (!slots(&im_.context) || !count(&n)) return false;
  im_.actions.resize(n);
  for (ActionImage& a : im_.actions)
    if (!str(&a.name) || !str(&a.tool) || !slots(&a.params) || !slots(&a.args)) return false;
  return true;
}

bool Parser::agents() {
  uint32_t n;
  if (!count(&n)) return false;
  im_.agents.resize(n);
  for (AgentImage& a : im_.agents) {
    uint32_t flags;
    if (!str(&a.name) || !str(&a.owner) || !str(&a.purpose) || !r_.varint32(&flags)) return fail("truncated agent");
    if (flags & ~(kAgentReviewed | kAgentExpires | kAgentScope)) return fail("unknown agent flags");
    int64_t t;
    if (flags & kAgentReviewed) { if (!r_.svarint(&t)) return fail("truncated agent"); a.reviewed = t; }
    if (flags & kAgentExpires) { if (!r_.svarint(&t)) return fail("truncated agent"); a.expires = t; }
    a.has_scope = (flags & kAgentScope) != 0;
    if (!a.has_scope) continue;
    uint32_t m;
    if (!count(&m)) return false;
    a.may.resize(m);
    for (uint32_t& x : a.may) if (!idx(&x, im_.actions.size(), "agent scope names an unknown action")) return false;
  }
  return true;
}

bool Parser::constants() {
  uint32_t n;
  if (!count(&n)) return false;
  im_.constants.resize(n);
  for (ConstImage& c : im_.constants) {
    if (!r_.varint32(&c.type.code)) return fail("truncated constant");
    uint32_t m = 1;
    if (c.type.is_set() && !count(&m)) return false;
    bool is_str = c.type.element().kind() == Kind::String;
    for (uint32_t i = 0; i < m; ++i) {
      if (is_str) {
        c.strings.emplace_back();
        if (!str(&c.strings.back())) return false;
      } else {
        int64_t v;
        if (!r_.svarint(&v)) return fail("truncated constant");
        c.ints.push_back(v);
      }
    }
  }
  if (!count(&n)) return false;
  im_.patterns.resize(n);
  for (PatternImage& p : im_.patterns) {
    uint32_t m;
    if (!count(&m)) return false;
    if (m == 0) return fail("pattern without segments");
    p.segments.resize(m);
    for (std::string& s : p.segments) if (!str(&s)) return false;
  }
  return true;
}

bool Parser::code() {
  uint32_t n;
  if (!count(&n)) return false;
  im_.code.resize(n);
  for (CodeImage& c : im_.code) {
    uint32_t len;
    const uint8_t* p;
    if (!count(&len) || !r_.bytes(len, &p)) return fail("code block exceeds the data");
    c.bytes.assign(p, p + len);
  }
  return true;
}

bool Parser::rules() {
  uint32_t n;
  if (!count(&n)) return false;
  im_.rules.resize(n);
  state_.resize(n);
  agent_sets_.resize(n);
  for (RuleImage& r : im_.rules) {
    uint8_t es;
    uint32_t na;
    if (!str(&r.id) || !r_.u8(&es)) return fail("truncated rule");
    if ((es & 0x0f) > 2 || (es >> 4) > 1) return fail("bad rule effect or side");
    r.effect = static_cast<Effect>(es & 0x0f);
    r.side = static_cast<Side>(es >> 4);
    if (!count(&na)) return false;
    r.annotations.resize(na);
    for (auto& kv : r.annotations) if (!str(&kv.first) || !str(&kv.second)) return false;
  }
  return true;
}

// subject: 0 user, 1 every agent, 2 the named `agent`.
bool Parser::lists(uint32_t action, int subject, uint32_t agent) {
  for (unsigned e = 0; e < 3; ++e) {
    uint32_t n, prev = 0;
    if (!count(&n)) return false;
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t ri, ci;
      if (!idx(&ri, im_.rules.size(), "index names an unknown rule") ||
          !idx(&ci, im_.code.size(), "index names an unknown code block")) return false;
      if (i > 0 && ri <= prev) return fail("index list not strictly ascending");
      prev = ri;
      RuleImage& r = im_.rules[ri];
      RuleState& st = state_[ri];
      if (static_cast<unsigned>(r.effect) != e) return fail("index groups a rule under the wrong effect");
      if ((r.side == Side::User) != (subject == 0)) return fail("index puts a rule on the wrong side");
      if (subject != 0) {
        auto mode = subject == 1 ? RuleState::Wild : RuleState::Named;
        if (st.mode != RuleState::None && st.mode != mode) return fail("rule both for every agent and named agents");
        st.mode = mode;
      }
      if (subject == 2) {
        ++st.named_entries;
        auto& set = agent_sets_[ri];
        if (std::find(set.begin(), set.end(), agent) == set.end()) set.push_back(agent);
      }
      if (!r.bodies.empty() && r.bodies.back().action == action) {
        if (subject != 2 || r.bodies.back().code != ci) return fail("rule has two code blocks for one action");
        continue;
      }
      r.bodies.push_back({action, ci});
    }
  }
  return true;
}

bool Parser::index() {
  for (uint32_t a = 0; a < im_.actions.size(); ++a) {
    uint32_t n, prev = 0;
    if (!lists(a, 0, 0) || !lists(a, 1, 0) || !count(&n)) return false;
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t g;
      if (!idx(&g, im_.agents.size(), "index names an unknown agent")) return false;
      if (i > 0 && g <= prev) return fail("index agents not strictly ascending");
      prev = g;
      if (!lists(a, 2, g)) return false;
    }
  }
  for (size_t ri = 0; ri < im_.rules.size(); ++ri) {
    RuleImage& r = im_.rules[ri];
    if (state_[ri].mode != RuleState::Named) continue;
    r.all_agents = false;
    r.agents = agent_sets_[ri];
    std::sort(r.agents.begin(), r.agents.end());
    if (state_[ri].named_entries != r.agents.size() * r.bodies.size())
      return fail("rule index: a rule's agents differ between its actions");
  }
  return true;
}

// The debug table's shape; its code offsets are checked against the decoded
// blocks by the loader (link_bundle).
bool Parser::debug() {
  uint32_t n;
  if (!count(&n)) return false;
  if (n != 0 && n != im_.rules.size()) return fail("debug table does not have one entry per rule");
  im_.debug.resize(n);
  for (size_t ri = 0; ri < n; ++ri) {
    RuleDebugImage& d = im_.debug[ri];
    uint32_t np, nb, flag;
    if (!str(&d.file) || !r_.varint32(&d.line) || !count(&np)) return fail("truncated debug table");
    d.parts.resize(np);
    for (PartImage& p : d.parts) {
      if (!str(&p.text) || !r_.varint32(&p.line) || !r_.varint32(&p.column) || !r_.varint32(&flag) || flag > 1)
        return fail("malformed debug part");
      p.in_unless = flag == 1;
    }
    if (!count(&nb) || nb != im_.rules[ri].bodies.size()) return fail("debug table: bodies differ from the rule's");
    d.bodies.resize(nb);
    for (std::vector<PartCode>& body : d.bodies) {
      uint32_t nc, len, kind;
      if (!count(&nc)) return false;
      body.resize(nc);
      for (size_t i = 0; i < nc; ++i) {
        PartCode& c = body[i];
        if (!idx(&c.part, np, "debug table names an unknown part") || !r_.varint32(&kind) || (kind & 3) > 2 || kind > 7)
          return fail("malformed debug part code");
        if (i > 0 && c.part <= body[i - 1].part) return fail("debug part codes not strictly ascending");
        c.kind = static_cast<PartKind>(kind & 3);
        c.invert = (kind & 4) != 0;
        if (c.kind != PartKind::Code) continue;
        if (!r_.varint32(&c.start) || !r_.varint32(&len) || len == 0 || len > 0xffffffffu - c.start)
          return fail("malformed debug code range");
        c.end = c.start + len;
      }
    }
  }
  return true;
}

bool Parser::run() {
  uint64_t v;
  if (!r_.fixed(4, &v) || !r_.fixed(2, &v) || !r_.fixed(2, &v) || !r_.fixed(8, &v) ||
      !r_.fixed(4, &v)) return fail("truncated header");
  const uint8_t* hash;
  if (!r_.bytes(32, &hash)) return fail("truncated header");
  std::copy(hash, hash + 32, im_.source_hash.begin());
  if (!strings() || !schema() || !agents() || !constants() || !code() || !rules() || !index() || !debug())
    return fail("malformed bundle");
  return r_.remaining() == 0 ? true : fail("trailing bytes after the debug table");
}

}  // namespace

bool parse_image(const uint8_t* data, size_t size, BundleImage* out, std::string* error) {
  auto bad = [&](const char* what) { *error = what; return false; };
  if (size < kHeaderSize) return bad("file shorter than the bundle header");
  if (size > kMaxBundleSize) return bad("bundle larger than 64 MiB");
  if (!std::equal(kMagic, kMagic + 4, data)) return bad("not an agentpol bundle (bad magic)");
  uint32_t version = data[kOffVersion] | (data[kOffVersion + 1] << 8);
  if (version != kFormatVersion) {
    *error = "unsupported bundle format version " + std::to_string(version) + " (this runtime reads version " +
             std::to_string(kFormatVersion) + "; rebuild the bundle with this release's agentpolc)";
    return false;
  }
  if (data[kOffFlags] != 0 || data[kOffFlags + 1] != 0) return bad("unknown header flags");
  uint64_t len = 0, sum = 0;
  for (unsigned i = 0; i < 4; ++i) len |= static_cast<uint64_t>(data[kOffLength + i]) << (8 * i);
  for (unsigned i = 0; i < 8; ++i) sum |= static_cast<uint64_t>(data[kOffChecksum + i]) << (8 * i);
  if (len != size) return bad("bundle length field does not match the data");
  if (sum != bundle_checksum(data, size)) return bad("bundle checksum mismatch");
  *out = BundleImage{};
  Parser p(data, size, out);
  if (p.run()) return true;
  *error = p.error;
  return false;
}

}  // namespace agentpol
