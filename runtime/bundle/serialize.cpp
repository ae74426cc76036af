// serialize.cpp — BundleImage -> bytes, the only writer of the format. Builds
// the string table, writes the tables in docs/bytecode.md order, derives the
// per-action rule index from each rule's agents and bodies, then checksums.
#include "bundle/format.h"
#include "bundle/wire.h"

#include <agentpol/bundle_image.h>

#include <map>

namespace agentpol {
namespace {

class Strings {
 public:
  uint32_t id(const std::string& s) {
    auto it = ids_.find(s);
    if (it != ids_.end()) return it->second;
    uint32_t n = static_cast<uint32_t>(list_.size());
    ids_.emplace(s, n);
    list_.push_back(&s);
    return n;
  }
  void write(ByteWriter& w) const {
    w.varint(list_.size());
    for (const std::string* s : list_) {
      w.varint(s->size());
      w.raw(s->data(), s->size());
    }
  }

 private:
  std::map<std::string, uint32_t> ids_;
  std::vector<const std::string*> list_;
};

struct Writer {
  Strings strings;
  ByteWriter body;

  void str(const std::string& s) { body.varint(strings.id(s)); }
  void slots(const std::vector<SlotImage>& v) {
    body.varint(v.size());
    for (const SlotImage& s : v) {
      str(s.name);
      body.varint(s.type.code);
      body.varint(s.optional ? kSlotOptional : 0);
    }
  }
};

void write_schema(Writer& w, const BundleImage& im) {
  w.str(im.ns);
  w.body.varint(im.enums.size());
  for (const EnumImage& e : im.enums) {
    w.str(e.name);
    w.body.varint(e.values.size());
    for (const std::string& v : e.values) w.str(v);
  }
  w.body.varint(im.records.size());
  for (const RecordImage& r : im.records) { w.str(r.name); w.slots(r.fields); }
  w.body.varint(im.entity_types.size());
  for (const EntityTypeImage& t : im.entity_types) { w.str(t.name); w.slots(t.attrs); }
  w.body.varint(im.agent_type ? *im.agent_type + 1u : 0u);
  w.body.varint(im.user_type ? *im.user_type + 1u : 0u);
  w.slots(im.context);
  w.body.varint(im.actions.size());
  for (const ActionImage& a : im.actions) { w.str(a.name); w.str(a.tool); w.slots(a.params); w.slots(a.args); }
}

void write_agents(Writer& w, const BundleImage& im) {
  w.body.varint(im.agents.size());
  for (const AgentImage& a : im.agents) {
    w.str(a.name); w.str(a.owner); w.str(a.purpose);
    uint32_t flags = (a.reviewed ? kAgentReviewed : 0) | (a.expires ? kAgentExpires : 0) |
                     (a.has_scope ? kAgentScope : 0);
    w.body.varint(flags);
    if (a.reviewed) w.body.svarint(*a.reviewed);
    if (a.expires) w.body.svarint(*a.expires);
    if (!a.has_scope) continue;
    w.body.varint(a.may.size());
    for (uint32_t m : a.may) w.body.varint(m);
  }
}

void write_constants(Writer& w, const BundleImage& im) {
  w.body.varint(im.constants.size());
  for (const ConstImage& c : im.constants) {
    w.body.varint(c.type.code);
    bool is_str = c.type.element().kind() == Kind::String;
    if (c.type.is_set()) w.body.varint(is_str ? c.strings.size() : c.ints.size());
    if (is_str) {
      for (const std::string& s : c.strings) w.str(s);
    } else {
      for (int64_t v : c.ints) w.body.svarint(v);
    }
  }
  w.body.varint(im.patterns.size());
  for (const PatternImage& p : im.patterns) {
    w.body.varint(p.segments.size());
    for (const std::string& s : p.segments) w.str(s);
  }
  w.body.varint(im.code.size());
  for (const CodeImage& c : im.code) {
    w.body.varint(c.bytes.size());
    w.body.raw(c.bytes.data(), c.bytes.size());
  }
}

void write_rules(Writer& w, const BundleImage& im) {
  w.body.varint(im.rules.size());
  for (const RuleImage& r : im.rules) {
    w.str(r.id);
    w.body.u8(static_cast<uint8_t>(static_cast<unsigned>(r.effect) |
                                   (static_cast<unsigned>(r.side) << 4)));
    w.body.varint(r.annotations.size());
    for (const auto& kv : r.annotations) { w.str(kv.first); w.str(kv.second); }
  }
}

// entries[effect] of one (action, subject) list: (rule, code) pairs.
using Lists = std::array<std::vector<std::pair<uint32_t, uint32_t>>, 3>;

void write_lists(ByteWriter& b, const Lists& l) {
  for (const auto& list : l) {
    b.varint(list.size());
    for (const auto& e : list) { b.varint(e.first); b.varint(e.second); }
  }
}

void write_index(Writer& w, const BundleImage& im) {
  size_t na = im.actions.size();
  std::vector<Lists> user(na), wild(na);
  std::vector<std::map<uint32_t, Lists>> named(na);
  for (uint32_t ri = 0; ri < im.rules.size(); ++ri) {
    const RuleImage& r = im.rules[ri];
    unsigned e = static_cast<unsigned>(r.effect) % 3;
    for (const RuleBody& b : r.bodies) {
      if (b.action >= na) continue;  // the loader would reject it anyway
      std::pair<uint32_t, uint32_t> entry{ri, b.code};
      if (r.side == Side::User) user[b.action][e].push_back(entry);
      else if (r.all_agents) wild[b.action][e].push_back(entry);
      else for (uint32_t g : r.agents) named[b.action][g][e].push_back(entry);
    }
  }
  for (size_t a = 0; a < na; ++a) {
    write_lists(w.body, user[a]);
    write_lists(w.body, wild[a]);
    w.body.varint(named[a].size());
    for (const auto& kv : named[a]) { w.body.varint(kv.first); write_lists(w.body, kv.second); }
  }
}

// The debug table: a count (0, or one entry per rule), then per rule its
// file, line, parts and per-body part codes.
void write_debug(Writer& w, const BundleImage& im) {
  w.body.varint(im.debug.size());
  for (const RuleDebugImage& d : im.debug) {
    w.str(d.file);
    w.body.varint(d.line);
    w.body.varint(d.parts.size());
    for (const PartImage& p : d.parts) {
      w.str(p.text);
      w.body.varint(p.line);
      w.body.varint(p.column);
      w.body.varint(p.in_unless ? 1 : 0);
    }
    w.body.varint(d.bodies.size());
    for (const std::vector<PartCode>& body : d.bodies) {
      w.body.varint(body.size());
      for (const PartCode& c : body) {
        w.body.varint(c.part);
        w.body.varint(static_cast<uint32_t>(c.kind) | (c.invert ? 4u : 0u));
        if (c.kind == PartKind::Code) {
          w.body.varint(c.start);
          w.body.varint(c.end - c.start);
        }
      }
    }
  }
}

}  // namespace

uint64_t bundle_checksum(const uint8_t* data, size_t size) {
  uint64_t h = fnv1a64(data, kOffChecksum);
  return fnv1a64(data + kOffLength, size - kOffLength, h);
}

std::vector<uint8_t> serialize(const BundleImage& im) {
  Writer w;
  write_schema(w, im);
  write_agents(w, im);
  write_constants(w, im);
  write_rules(w, im);
  write_index(w, im);
  write_debug(w, im);

  ByteWriter out;
  out.raw(kMagic, 4);
  out.fixed(kFormatVersion, 2);
  out.fixed(0, 2);
  out.fixed(0, 8);  // checksum, patched below
  out.fixed(0, 4);  // length, patched below
  out.raw(im.source_hash.data(), im.source_hash.size());
  w.strings.write(out);
  out.raw(w.body.bytes().data(), w.body.bytes().size());

  std::vector<uint8_t>& bytes = out.bytes();
  uint64_t len = bytes.size();
  for (unsigned i = 0; i < 4; ++i) bytes[kOffLength + i] = static_cast<uint8_t>(len >> (8 * i));
  uint64_t sum = bundle_checksum(bytes.data(), bytes.size());
  for (unsigned i = 0; i < 8; ++i) bytes[kOffChecksum + i] = static_cast<uint8_t>(sum >> (8 * i));
  return std::move(bytes);
}

}  // namespace agentpol
