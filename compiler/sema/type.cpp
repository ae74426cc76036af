// type.cpp — printing, interning and the small type relations (compatible,
// join) that the expression checker builds on.
#include "sema/type.h"

namespace agentpol::sema {

std::string Type::str() const {
  switch (kind_) {
    case Kind::Error: return "<error>";
    case Kind::Bool: return "Bool";
    case Kind::Int: return "Int";
    case Kind::String: return "String";
    case Kind::Duration: return "Duration";
    case Kind::Time: return "Time";
    case Kind::Money: return "Money<" + name_ + ">";
    case Kind::Set: return "Set<" + element_->str() + ">";
    case Kind::EmptySet: return "[]";
    case Kind::Enum:
    case Kind::Record:
    case Kind::Entity: return name_;
  }
  return "?";
}

bool isValidSetElement(const Type* t) {
  switch (t->kind()) {
    case Type::Kind::Error:
    case Type::Kind::Bool:
    case Type::Kind::Int:
    case Type::Kind::String:
    case Type::Kind::Duration:
    case Type::Kind::Time:
    case Type::Kind::Money:
    case Type::Kind::Enum:
    case Type::Kind::Entity: return true;
    case Type::Kind::Set:
    case Type::Kind::EmptySet:
    case Type::Kind::Record: return false;
  }
  return false;
}

TypeContext::TypeContext() {
  error_ = make(Type::Kind::Error);
  bool_ = make(Type::Kind::Bool);
  int_ = make(Type::Kind::Int);
  string_ = make(Type::Kind::String);
  duration_ = make(Type::Kind::Duration);
  time_ = make(Type::Kind::Time);
  emptySet_ = make(Type::Kind::EmptySet);
}

const Type* TypeContext::make(Type::Kind k, std::string name, const Type* elem, uint32_t index) {
  owned_.push_back(std::unique_ptr<Type>(new Type(k, std::move(name), elem, index)));
  return owned_.back().get();
}

const Type* TypeContext::money(llvm::StringRef currency) {
  auto it = money_.find(currency);
  if (it != money_.end()) return it->second;
  const Type* t = make(Type::Kind::Money, currency.str());
  money_[currency] = t;
  return t;
}

const Type* TypeContext::set(const Type* element) {
  auto it = sets_.find(element);
  if (it != sets_.end()) return it->second;
  const Type* t = make(Type::Kind::Set, {}, element);
  sets_[element] = t;
  return t;
}

const Type* TypeContext::makeNamed(Type::Kind kind, std::string name, uint32_t index) {
  return make(kind, std::move(name), nullptr, index);
}

bool compatible(const Type* a, const Type* b) {
  if (a == b || a->isError() || b->isError()) return true;
  if (a->kind() == Type::Kind::EmptySet) return b->isSetLike();
  if (b->kind() == Type::Kind::EmptySet) return a->isSetLike();
  return false;
}

const Type* join(const Type* a, const Type* b) {
  if (a->isError()) return b;
  if (b->isError()) return a;
  if (a->kind() == Type::Kind::EmptySet) return b;
  return a;
}

}  // namespace agentpol::sema
