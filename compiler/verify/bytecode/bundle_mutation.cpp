// bundle_mutation.cpp — the three mutations of bundle_mutation.h, located
// through the loader's decoded blocks (instruction byte offsets) so only an
// opcode byte, a constant value or one rule's block bytes change.
#include "verify/bytecode/bundle_mutation.h"

#include <limits>

#include "api/access.h"
#include "loader/bundle_data.h"

namespace agentpol::verify::bytecode {
namespace {

std::optional<Op> flipped(Op op) {
  switch (op) {
    case Op::LT: return Op::LE;
    case Op::LE: return Op::LT;
    case Op::GT: return Op::GE;
    case Op::GE: return Op::GT;
    case Op::EQ: return Op::NE;
    case Op::NE: return Op::EQ;
    default: return std::nullopt;
  }
}

bool flipComparison(const detail::BundleData& d, BundleImage& im, std::string& what) {
  for (size_t b = 0; b < d.code.size(); ++b)
    for (size_t i = 0; i < d.code[b].insns.size(); ++i)
      if (std::optional<Op> to = flipped(d.code[b].insns[i].op)) {
        im.code[b].bytes[d.code[b].offsets[i]] = static_cast<uint8_t>(*to);
        what = "code block " + std::to_string(b) + " offset " + std::to_string(d.code[b].offsets[i]) + ": " +
               op_info(d.code[b].insns[i].op).name + " -> " + op_info(*to).name;
        return true;
      }
  return false;
}

bool bumpConstant(BundleImage& im, std::string& what) {
  for (size_t k = 0; k < im.constants.size(); ++k) {
    ConstImage& c = im.constants[k];
    Kind kind = c.type.kind();
    bool number = kind == Kind::Int || kind == Kind::Money || kind == Kind::Duration || kind == Kind::Time;
    if (c.type.is_set() || !number || c.ints.at(0) == std::numeric_limits<int64_t>::max()) continue;
    ++c.ints[0];
    what = "constant k" + std::to_string(k) + " + 1";
    return true;
  }
  return false;
}

bool userRuleTrue(BundleImage& im, std::string& what) {
  for (const RuleImage& r : im.rules)
    if (r.side == Side::User && !r.bodies.empty()) {
      im.code[r.bodies[0].code].bytes = {static_cast<uint8_t>(Op::BOOL), 1, static_cast<uint8_t>(Op::RET)};
      what = "rule `" + r.id + "`: its block returns true";
      return true;
    }
  return false;
}

}  // namespace

std::optional<Mutation> mutationNamed(const std::string& name) {
  if (name == "flip-comparison") return Mutation::FlipComparison;
  if (name == "bump-constant") return Mutation::BumpConstant;
  if (name == "user-rule-true") return Mutation::UserRuleAlwaysTrue;
  return std::nullopt;
}

std::optional<BundleImage> mutateBundle(const Bundle& bundle, Mutation m, std::string* what) {
  BundleImage im = bundle.image();
  std::string text;
  bool done = m == Mutation::FlipComparison ? flipComparison(detail::bundle_data(bundle), im, text)
              : m == Mutation::BumpConstant ? bumpConstant(im, text)
                                            : userRuleTrue(im, text);
  if (!done) return std::nullopt;
  if (what) *what = text;
  return im;
}

}  // namespace agentpol::verify::bytecode
