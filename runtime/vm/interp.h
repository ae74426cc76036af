// interp.h — the VM: runs one verified code block against a request. Env is
// a flat view of the request and bundle built once per decision; the loop
// does no checks the loader already made (types, bounds, stack room).
#pragma once
#include "loader/bundle_data.h"
#include "vm/value.h"

#include <cstddef>

namespace agentpol {
namespace detail {

struct EntityRow {
  uint32_t type;       // entity type index (kNone: agent of an undeclared type)
  Val id;              // String
  uint32_t attr_off;   // first attribute slot (of the first complete definition)
  uint8_t has_attrs;   // attributes were supplied
  uint8_t complete;    // a definition of the attributes is complete (at attr_off)
};

struct Env {
  const Val* consts;
  const PatternRef* patterns;
  const Val* segments;
  int64_t now;
  int32_t agent, user;  // entity indices; user -1 when absent
  const Val* ctx;
  const uint8_t* ctx_has;
  const Val* params;
  const Val* args;
  const uint8_t* args_has;
  const EntityRow* ents;
  const Val* attrs;
  const uint8_t* attrs_has;
};

enum class Eval : uint8_t { False, True, Error };

Eval run_block(const CodeBlock& code, const Env& env);

// Watches one block run (coverage, explain: vm/trace.cpp). step: the VM
// moves from instruction `from` to `to` with the stack [stack, sp); end: the
// block ends at instruction `at` with `result`.
class BlockProbe {
 public:
  virtual ~BlockProbe() = default;
  virtual void step(ptrdiff_t from, ptrdiff_t to, const Val* stack, const Val* sp) = 0;
  virtual void end(ptrdiff_t at, Eval result) = 0;
};

// run_block with a probe: the same handlers, instantiated apart, so
// decisions (run_block, run_span) never pay for it.
Eval run_traced(const CodeBlock& code, const Env& env, BlockProbe& probe);

// Runs the blocks of refs[s.begin, s.end) and appends each matching rule to
// *hits: a permit matches when True, a forbid or escalate unless False (an
// error fails closed). hits must have room (decide reserves one per rule).
void run_span(const BundleData& b, const Span& s, const Env& env, bool permit, std::vector<uint32_t>* hits);

// `like`: segments[0] * segments[1] * ... * segments[n-1].
bool glob_match(const char* s, size_t n, const Val* segments, uint32_t count);

}  // namespace detail
}  // namespace agentpol
