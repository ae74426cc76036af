// reader_core.h — private to request/: the section 6.2 checks as one class
// template over a value view (value_view.h), with the per-read state (the
// Request being filled, scratch stacks) and the JSON path kept on the C++
// stack, rendered ("args.order.attrs.total") only when a message is made.
// Definitions: reader_top_level.h (the request's fields), reader_values.h
// (objects of fields, values, entities); non-template text in
// reader_messages.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <agentpol/request.h>

#include "request/request_reader.h"  // Scratch
#include "request/request_schema.h"
#include "request/value_view.h"

namespace agentpol::request::detail {

// One step of a JSON path; a chain of these lives on the C++ stack.
inline constexpr size_t kMember = static_cast<size_t>(-1);
struct Path {
  const Path* up = nullptr;
  std::string_view key;    // an object member's key
  size_t index = kMember;  // or an array element's index
};
std::string renderPath(const Path* p);

// A string value for messages: JSON-quoted, cut after 60 bytes with "…".
std::string describeString(std::string_view s);
// "unknown Intent value \"x\" (expected one of refund, payout, question)"
std::string unknownEnumValue(const EnumImage& e, const std::string& described);

// Where the fields of an object go.
struct Target {
  enum class Kind { Context, Action, Attrs } kind = Kind::Context;
  EntityRef entity;          // Attrs
  std::string_view what;     // "context field", "argument of `refund`", "attribute of User"
};

template <class View>
class Reader {
 public:
  using Node = typename View::Node;

  Reader(const RequestSchema& s, const View& v, Request& r, Scratch& scratch)
      : schema_(s), bundle_(*s.bundle()), v_(v), req_(r), items_(scratch.items), seen_(scratch.seen) {}

  void readRequest(Node root);  // root: an object

 private:
  static bool absent(Node n) { return n == View::kAbsent; }
  bool absentOrNull(Node n) const { return absent(n) || v_.kind(n) == JsonKind::Null; }

  // reader_top_level.h: top-level fields
  bool checkTopLevel(Node root, Node* at);
  bool readNow(Node n, const Path* p);
  bool readAgent(Node n, const Path* p);
  bool readUser(Node n, const Path* p);
  bool readAction(Node n, uint32_t* action);
  bool readEntities(Node n, const Path* p);
  bool entityId(Node n, const Path* p, std::string_view* id);  // n: the `id` member, or kAbsent

  // reader_values.h: objects of fields, values, entities
  bool fields(const std::vector<FieldNode>& set, Node obj, const Path* p, const Target& target);
  bool field(const FieldNode& f, Node n, const Path* p, const Target& target);
  bool setSlot(const FieldHandle& h, const Value& v, const Target& target);
  bool value(Type t, Node n, const Path* p, Value* out);
  bool scalar(Type t, Node n, const Path* p, Value* out);
  bool integer(Node n, const Path* p, Value* out);
  bool text(Type t, Node n, const Path* p, Value* out);
  bool entity(uint32_t type, Node n, const Path* p, EntityRef* out);
  bool attrs(EntityRef e, uint32_t type, Node n, const Path* p);
  bool newEntity(uint32_t type, std::string_view id, const Path* p, EntityRef* out);
  bool conflict(const Path* entityPath);

  bool fail(const Path* p, const std::string& message);
  bool wrongType(Type t, Node n, const Path* p);
  std::string describe(Node n) const;  // a value, short, for messages

  const RequestSchema& schema_;
  const Bundle& bundle_;
  const View& v_;
  Request& req_;
  std::vector<Value>& items_;
  std::vector<uint8_t>& seen_;
  // What was read, to restore the request's identity after a rebuilt error.
  std::string_view agent_, user_;
  bool hasNow_ = false, hasUser_ = false;
  int64_t now_ = 0;
  uint32_t action_ = kNone;
};

}  // namespace agentpol::request::detail

#include "request/reader_top_level.h"
#include "request/reader_values.h"
