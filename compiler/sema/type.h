// type.h — the types of agentpol values as sema sees them. Types are interned
// by TypeContext, so two types are equal exactly when their pointers are.
// Named types (enum, record, entity) carry the index of their declaration in
// sema::Schema; printing gives the spelling used in messages (`Money<EUR>`).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/StringMap.h>
#include <llvm/ADT/StringRef.h>

namespace agentpol::sema {

class Type {
 public:
  enum class Kind {
    Error,     // an error was reported; silences follow-up diagnostics
    Bool, Int, String, Duration, Time,
    Money,     // currency()
    Set,       // element()
    EmptySet,  // `[]` before its use gives it an element type
    Enum,      // index() into Schema::enums
    Record,    // index() into Schema::records (the context is one of them)
    Entity,    // index() into Schema::entities
  };

  Kind kind() const { return kind_; }
  bool isError() const { return kind_ == Kind::Error; }
  bool isSetLike() const { return kind_ == Kind::Set || kind_ == Kind::EmptySet; }
  bool hasAttributes() const { return kind_ == Kind::Record || kind_ == Kind::Entity; }

  const std::string& currency() const { return name_; }  // Money only
  const Type* element() const { return element_; }       // Set only
  const std::string& name() const { return name_; }      // Enum/Record/Entity; qualified for module types
  uint32_t index() const { return index_; }              // Enum/Record/Entity

  // `Int`, `Money<EUR>`, `Set<String>`, `Token`, `[]` (the empty set).
  std::string str() const;

 private:
  friend class TypeContext;
  Type(Kind k, std::string name, const Type* elem, uint32_t index)
      : kind_(k), name_(std::move(name)), element_(elem), index_(index) {}

  Kind kind_;
  std::string name_;
  const Type* element_ = nullptr;
  uint32_t index_ = 0;
};

// Whether `Set<t>` is allowed: Bool, Int, String, Money, Duration, Time,
// enums and entities. Records and sets are not (no nested or structured
// elements, which keeps set membership a simple equality of scalars).
bool isValidSetElement(const Type* t);

// Owns every Type of one compilation. Not copyable; the CheckedPolicy keeps
// it alive because every typed expression points into it.
class TypeContext {
 public:
  TypeContext();
  TypeContext(const TypeContext&) = delete;
  TypeContext& operator=(const TypeContext&) = delete;

  const Type* error() const { return error_; }
  const Type* boolean() const { return bool_; }
  const Type* integer() const { return int_; }
  const Type* string() const { return string_; }
  const Type* duration() const { return duration_; }
  const Type* time() const { return time_; }
  const Type* emptySet() const { return emptySet_; }
  const Type* money(llvm::StringRef currency);
  const Type* set(const Type* element);
  // Named types are created once per declaration by the schema builder.
  const Type* makeNamed(Type::Kind kind, std::string name, uint32_t index);

 private:
  const Type* make(Type::Kind k, std::string name = {}, const Type* elem = nullptr, uint32_t index = 0);

  std::vector<std::unique_ptr<Type>> owned_;
  const Type *error_, *bool_, *int_, *string_, *duration_, *time_, *emptySet_;
  llvm::StringMap<const Type*> money_;
  llvm::DenseMap<const Type*, const Type*> sets_;
};

// Type relations used by the checker.
// Same type, where `[]` matches any set and the error type matches anything.
bool compatible(const Type* a, const Type* b);
// The more precise of two compatible types (`Set<T>` over `[]`, non-error
// over error).
const Type* join(const Type* a, const Type* b);

}  // namespace agentpol::sema
