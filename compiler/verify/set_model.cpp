// set_model.cpp — reading store/const/as-array model values and mapping them
// to finite sets (see set_model.h for why the mapping is exact).
#include "verify/set_model.h"

#include "verify/z3_env.h"

namespace agentpol::verify {

SetExtractor::SetExtractor(const z3::model& m, const std::vector<z3::expr>& memberKeys) : model_(m) {
  for (const z3::expr& k : memberKeys) {
    z3::expr v = model_.eval(k, true);
    keys_.push_back(v);
    used_.insert(keyOf(v));
  }
}

SetExtractor::Parsed SetExtractor::parse(const z3::expr& value) {
  Parsed p;
  if (value.is_app()) {
    Z3_decl_kind k = value.decl().decl_kind();
    if (k == Z3_OP_CONST_ARRAY) {
      p.defaultTrue = value.arg(0).is_true();
      return p;
    }
    if (k == Z3_OP_STORE) {
      p = parse(value.arg(0));
      p.points.emplace_back(value.arg(1), value.arg(2).is_true());
      return p;
    }
    if (k == Z3_OP_AS_ARRAY) {
      z3::func_decl f(value.ctx(), Z3_get_as_array_func_decl(value.ctx(), value));
      z3::func_interp fi = model_.get_func_interp(f);
      p.defaultTrue = fi.else_value().is_true();
      for (unsigned i = 0; i < fi.num_entries(); ++i)
        p.points.emplace_back(fi.entry(i).arg(0), fi.entry(i).value().is_true());
      return p;
    }
  }
  exact_ = false;  // a lambda or another form: read nothing, default false
  return p;
}

void SetExtractor::collect(const z3::expr& setTerm) {
  Parsed p = parse(model_.eval(setTerm, true));
  for (auto& [k, member] : p.points) used_.insert(keyOf(k));
}

bool SetExtractor::known(const z3::expr& v) const {
  for (const z3::expr& k : keys_)
    if (z3::eq(k, v)) return true;
  return false;
}

z3::expr SetExtractor::fresh(const z3::sort& s) {
  z3::context& c = s.ctx();
  if (s.is_int()) {
    for (;; ++nextInt_) {
      z3::expr v = c.int_val(nextInt_);
      if (!used_.count(keyOf(v))) {
        used_.insert(keyOf(v));
        return v;
      }
    }
  }
  if (s.is_seq()) {
    for (;; ++nextString_) {
      std::string text = "x" + std::to_string(nextString_);
      z3::expr v = c.string_val(text.c_str());
      if (!used_.count(keyOf(v))) {
        used_.insert(keyOf(v));
        return v;
      }
    }
  }
  exact_ = false;  // finite key sorts (Bool, enums) never need a fresh value
  return c.bool_val(false);
}

z3::expr SetExtractor::rename(const z3::expr& point) {
  int64_t n = 0;
  bool outOfRange = point.get_sort().is_int() && !toI64(point, n);
  if (!outOfRange || known(point)) return point;
  auto it = renamed_.find(keyOf(point));
  if (it != renamed_.end()) return it->second;
  z3::expr v = fresh(point.get_sort());
  renamed_.emplace(keyOf(point), v);
  return v;
}

std::vector<z3::expr> SetExtractor::elements(const z3::expr& setTerm) {
  z3::sort keySort = setTerm.get_sort().array_domain();
  std::vector<z3::expr> out;
  std::set<std::string> seen;
  auto add = [&](const z3::expr& v) {
    if (seen.insert(keyOf(v)).second) out.push_back(v);
  };
  // Finite key sorts: enumerate the domain.
  if (keySort.is_bool() || keySort.sort_kind() == Z3_DATATYPE_SORT) {
    z3::context& c = keySort.ctx();
    std::vector<z3::expr> domain;
    if (keySort.is_bool()) domain = {c.bool_val(false), c.bool_val(true)};
    else
      for (unsigned i = 0; i < Z3_get_datatype_sort_num_constructors(c, keySort); ++i)
        domain.push_back(z3::func_decl(c, Z3_get_datatype_sort_constructor(c, keySort, i))());
    for (const z3::expr& d : domain)
      if (model_.eval(z3::select(setTerm, d), true).is_true()) add(d);
    return out;
  }
  Parsed p = parse(model_.eval(setTerm, true));
  for (const z3::expr& k : keys_)
    if (z3::eq(k.get_sort(), keySort) && model_.eval(z3::select(setTerm, k), true).is_true()) add(k);
  for (auto& [k, member] : p.points)
    if (model_.eval(z3::select(setTerm, k), true).is_true()) add(rename(k));
  if (p.defaultTrue) {
    auto it = cofiniteWitness_.find(keySort.id());
    if (it == cofiniteWitness_.end()) it = cofiniteWitness_.emplace(keySort.id(), fresh(keySort)).first;
    add(it->second);
  }
  return out;
}

}  // namespace agentpol::verify
