// request_schema.h — a bundle's request schema resolved once for the reader:
// the context, each action's parameters and arguments, and each entity type's
// attributes, as trees of fields. The bundle flattens records into dotted
// slots ("token.issued_at"); here "token" is a record node over its fields.
#pragma once

#include <agentpol/bundle.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace agentpol::request {

// Largest number of distinct entities one request may name (each lookup is a
// scan of the request's entities, so this bounds the work a request can cause).
inline constexpr size_t kMaxEntities = 1024;

struct FieldNode {
  std::string name;                 // one path segment ("issued_at")
  FieldHandle handle;               // a slot; invalid for a record node
  std::vector<FieldNode> children;  // a record node's fields
  bool required = false;            // slot: not optional; record: some slot below is required

  bool isRecord() const { return !handle.valid(); }
};

// The fields of one JSON object (context, args, attrs, or a record inside one).
struct FieldSet {
  std::vector<FieldNode> fields;
  std::string what;  // for messages: "context field", "argument of `refund`", "attribute of User"
  const FieldNode* find(std::string_view name) const;
};

class RequestSchema {
 public:
  explicit RequestSchema(std::shared_ptr<const Bundle> bundle);

  const std::shared_ptr<const Bundle>& bundle() const { return bundle_; }
  const BundleImage& image() const { return bundle_->image(); }
  const FieldSet& context() const { return context_; }
  const FieldSet& action(uint32_t index) const { return actions_[index]; }  // params + args
  const FieldSet& entityType(uint32_t index) const { return entityTypes_[index]; }

 private:
  std::shared_ptr<const Bundle> bundle_;
  FieldSet context_;
  std::vector<FieldSet> actions_;
  std::vector<FieldSet> entityTypes_;
};

// Renders a type for messages: "Money in EUR", "Set<String>", "Intent".
std::string describeType(Type t, const BundleImage& image);

}  // namespace agentpol::request
