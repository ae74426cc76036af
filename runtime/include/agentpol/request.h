// agentpol/request.h — building a request against a bundle's schema. A
// Request owns reusable storage (strings, sets, entities): after the first
// few requests, reset() + building + deciding allocates nothing. Not
// thread-safe: use one Request per thread. Schema errors are recorded (the
// first one wins) and make the decision deny/bad_request.
#pragma once
#include <agentpol/bundle.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace agentpol {

namespace detail {
struct RequestData;  // runtime-internal (api/request_data.h)
struct Access;       // in-tree access to it (api/access.h); not installed
}

// An entity of this request (deduplicated by type and id).
struct EntityRef {
  int32_t index = -1;
  bool valid() const { return index >= 0; }
};

// One input value; a non-owning view (strings and set items are copied into
// the request when set).
struct Value {
  enum class Tag : uint8_t { Null, Bool, Int, String, Money, Duration, Time, Enum, Entity, Set };
  Tag tag = Tag::Null;
  int64_t n = 0;              // Bool, Int, Money minor units, Duration s, Time epoch s, Entity index
  std::string_view s;         // String, Money currency, Enum value name
  const Value* items = nullptr;  // Set
  size_t count = 0;

  static Value null() { return {}; }
  static Value boolean(bool b) { return {Tag::Bool, b ? 1 : 0, {}, nullptr, 0}; }
  static Value integer(int64_t v) { return {Tag::Int, v, {}, nullptr, 0}; }
  static Value string(std::string_view v) { return {Tag::String, 0, v, nullptr, 0}; }
  static Value money(int64_t minor, std::string_view currency) { return {Tag::Money, minor, currency, nullptr, 0}; }
  static Value duration(int64_t seconds) { return {Tag::Duration, seconds, {}, nullptr, 0}; }
  static Value time(int64_t epoch_seconds) { return {Tag::Time, epoch_seconds, {}, nullptr, 0}; }
  static Value enumeration(std::string_view name) { return {Tag::Enum, 0, name, nullptr, 0}; }
  static Value entity(EntityRef e) { return {Tag::Entity, e.index, {}, nullptr, 0}; }
  static Value set(const Value* items, size_t count) { return {Tag::Set, 0, {}, items, count}; }
};

class Request {
 public:
  // Builds requests for `schema` (any bundle with the same schema_hash can decide them).
  explicit Request(std::shared_ptr<const Bundle> schema);
  ~Request();
  Request(Request&&) noexcept;
  Request& operator=(Request&&) noexcept;

  // Clears all values and the error; keeps the storage for reuse.
  void reset();
  const std::shared_ptr<const Bundle>& schema() const;

  void set_now(int64_t epoch_seconds);
  // The acting agent (its entity, for attributes).
  EntityRef set_agent(std::string_view name);
  // The delegating user (entity of the policy's User type).
  EntityRef set_user(std::string_view id);
  void set_action(ActionHandle action);
  void set_action(std::string_view name);

  // The entity (type, id), created reference-only on first use.
  EntityRef entity(EntityTypeHandle type, std::string_view id);
  EntityRef entity(std::string_view type, std::string_view id);
  // Marks that attributes are given (needed for entity types with no
  // attributes). A second begin_attrs..end_attrs of the same entity is
  // compared with the first; different values are a bad request.
  void begin_attrs(EntityRef e);
  void end_attrs(EntityRef e);

  // Setters (by handle, or by name with a schema error when unknown). A
  // Null value leaves an optional slot absent.
  void set_context(const FieldHandle& f, const Value& v);
  void set_context(std::string_view path, const Value& v);
  void set_arg(const FieldHandle& f, const Value& v);  // parameter or argument
  void set_arg(std::string_view name, const Value& v);
  void set_attr(EntityRef e, const FieldHandle& f, const Value& v);
  void set_attr(EntityRef e, std::string_view name, const Value& v);

  // Records a schema error (first one wins); callers parsing their own
  // formats use it for e.g. malformed times.
  void fail(std::string message);
  bool ok() const;
  const std::string& error() const;

 private:
  friend struct detail::Access;
  std::unique_ptr<detail::RequestData> d_;
};

}  // namespace agentpol
