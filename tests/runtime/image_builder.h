// image_builder.h — test-only helpers to build BundleImages readably: schema
// declarations, deduplicated constants, rules from CodeWriter blocks, and the
// billing policy of shared/conformance/billing compiled by hand.
#pragma once
#include "bundle/code_writer.h"

#include <agentpol/bundle_image.h>
#include <agentpol/bundle.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace agentpol::test {

inline SlotImage slot(std::string name, Type t) { return SlotImage{std::move(name), t, false}; }
inline SlotImage opt(std::string name, Type t) { return SlotImage{std::move(name), t, true}; }
inline Type eur() { return Type::money("EUR"); }

struct ImageBuilder {
  BundleImage im;

  uint32_t add_enum(std::string name, std::vector<std::string> values);
  uint32_t add_entity(std::string name, std::vector<SlotImage> attrs = {});
  uint32_t add_action(std::string name, std::vector<SlotImage> params, std::vector<SlotImage> args = {});
  uint32_t add_agent(std::string name, std::vector<uint32_t> may = {}, bool scoped = false);
  // Constants (deduplicated).
  uint32_t k(const ConstImage& c);
  uint32_t k_int(int64_t v) { return k(ConstImage::scalar(Type::integer(), v)); }
  uint32_t k_eur(int64_t cents) { return k(ConstImage::scalar(eur(), cents)); }
  uint32_t k_str(std::string s) { return k(ConstImage::str(std::move(s))); }
  uint32_t pattern(const std::string& glob);
  uint32_t code(const CodeImage& c);
  // A rule; agents empty = `agent *` (ignored for user rules).
  uint32_t rule(std::string id, Effect e, Side side, std::vector<uint32_t> actions, const CodeImage& c,
                std::vector<uint32_t> agents = {});
  std::vector<uint8_t> bytes() const { return serialize(im); }
};

// Condition blocks.
CodeImage always(bool v);
// `!has a || a <= max` for the optional Int argument in slot `arg`.
CodeImage absent_or_at_most(ImageBuilder& b, uint32_t arg, int64_t max);

// The conformance billing policy, as the compiler would lower it.
BundleImage billing_image();

std::shared_ptr<const Bundle> load_or_die(const BundleImage& im);
// The loader's error for `im`, or "" when it loads.
std::string load_error_of(const BundleImage& im);

}  // namespace agentpol::test
