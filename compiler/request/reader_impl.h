// reader_impl.h — private to compiler/request: the per-read state of
// RequestReader (tree, request, scratch stacks) and the JSON path kept on the
// C++ stack, rendered ("args.order.attrs.total") only when a message is made.
#pragma once

#include <string>

#include "request/request_reader.h"

namespace agentpol::request::detail {

// One step of a JSON path; a chain of these lives on the C++ stack.
inline constexpr size_t kMember = static_cast<size_t>(-1);
struct Path {
  const Path* up = nullptr;
  std::string_view key;    // an object member's key
  size_t index = kMember;  // or an array element's index
};
std::string renderPath(const Path* p);

// Where the fields of an object go.
struct Target {
  enum class Kind { Context, Action, Attrs } kind = Kind::Context;
  EntityRef entity;          // Attrs
  std::string_view what;     // "context field", "argument of `refund`", "attribute of User"
};

class Reader {
 public:
  Reader(const RequestSchema& s, const JsonTree& t, Request& r, std::vector<Value>& items,
         std::vector<uint8_t>& seen)
      : schema_(s), bundle_(*s.bundle()), tree_(t), req_(r), items_(items), seen_(seen) {}

  void readRequest(uint32_t root);

 private:
  // request_reader.cpp: top-level fields
  bool checkTopLevel(uint32_t root, uint32_t* at);
  bool readNow(uint32_t n, const Path* p);
  bool readAgent(uint32_t n, const Path* p);
  bool readUser(uint32_t n, const Path* p);
  bool readAction(uint32_t n, uint32_t* action);
  bool readEntities(uint32_t n, const Path* p);
  bool entityId(uint32_t obj, const Path* p, std::string_view* id);

  // value_reader.cpp: objects of fields, values, entities
  bool fields(const std::vector<FieldNode>& set, uint32_t obj, const Path* p, const Target& target);
  bool field(const FieldNode& f, uint32_t n, const Path* p, const Target& target);
  bool setSlot(const FieldHandle& h, const Value& v, const Target& target);
  bool value(Type t, uint32_t n, const Path* p, Value* out);
  bool scalar(Type t, uint32_t n, const Path* p, Value* out);
  bool integer(uint32_t n, const Path* p, Value* out);
  bool text(Type t, uint32_t n, const Path* p, Value* out);
  bool entity(uint32_t type, uint32_t n, const Path* p, EntityRef* out);
  bool attrs(EntityRef e, uint32_t type, uint32_t n, const Path* p);
  bool newEntity(uint32_t type, std::string_view id, const Path* p, EntityRef* out);
  bool conflict(const Path* entityPath);

  bool fail(const Path* p, const std::string& message);
  bool wrongType(Type t, uint32_t n, const Path* p);
  std::string describe(uint32_t n) const;  // a JSON value, short, for messages

  const RequestSchema& schema_;
  const Bundle& bundle_;
  const JsonTree& tree_;
  Request& req_;
  std::vector<Value>& items_;
  std::vector<uint8_t>& seen_;
  size_t entities_ = 0;  // distinct entities created (bounded by kMaxEntities)
  // What was read, to restore the request's identity after a rebuilt error.
  std::string_view agent_, user_;
  bool hasNow_ = false, hasUser_ = false;
  int64_t now_ = 0;
  uint32_t action_ = kNone;
};

}  // namespace agentpol::request::detail
