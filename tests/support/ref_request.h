// ref_request.h — test support: a request as plain structured data (records
// nested, entities in one table, optional values marked absent), independent
// of the runtime's flattened slots. The reference evaluator reads it; the
// request builder turns it into an agentpol::Request for the VM.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace agentpol::ref {

constexpr uint32_t kNoType = 0xffffffffu;

struct Value {
  enum class Tag : uint8_t { Absent, Scalar, String, Entity, Set, Record };
  Tag tag = Tag::Absent;
  int64_t n = 0;              // Scalar (Bool, Int, Money, Duration, Time, enum index); Entity: table index
  std::string s;              // String
  std::vector<Value> items;   // Set (sorted, unique) or Record fields (per sema field, Absent if missing)

  static Value scalar(int64_t v) { Value x; x.tag = Tag::Scalar; x.n = v; return x; }
  static Value string(std::string v) { Value x; x.tag = Tag::String; x.s = std::move(v); return x; }
  static Value entity(int64_t index) { Value x; x.tag = Tag::Entity; x.n = index; return x; }
  static Value set(std::vector<Value> items);  // sorts and deduplicates
  static Value record(std::vector<Value> fields) { Value x; x.tag = Tag::Record; x.items = std::move(fields); return x; }
  bool absent() const { return tag == Tag::Absent; }
};

bool operator<(const Value& a, const Value& b);
bool operator==(const Value& a, const Value& b);  // records field by field, absent == absent

struct Entity {
  uint32_t type = kNoType;  // Schema::entities index (kNoType: agent of an undeclared Agent type)
  std::string id;
  bool hasAttrs = false;     // false: given by reference only
  std::vector<Value> attrs;  // per sema field
};

struct Request {
  int64_t now = 0;
  std::string agent;          // the agent's name
  int64_t agentEntity = -1;   // its entity (always set by the generator)
  int64_t user = -1;          // entity index, -1: no user
  uint32_t action = 0;        // Schema::actions index
  std::vector<Value> params;  // per ActionInfo::params (entities)
  std::vector<Value> args;    // per ActionInfo::args
  Value context;              // a Record of the context's fields
  std::vector<Entity> entities;
  bool revoked = false;       // the kill switch
};

struct Decision {
  std::string decision;            // allow, escalate, deny
  std::string reason;
  std::vector<std::string> rules;  // sorted
  bool operator==(const Decision& o) const { return decision == o.decision && reason == o.reason && rules == o.rules; }
};

}  // namespace agentpol::ref
