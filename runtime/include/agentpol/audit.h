// agentpol/audit.h — the audit record of spec section 10 handed to the audit
// hook once per decision, as a read-only view, plus a JSON-line renderer.
#pragma once
#include <agentpol/civil_time.h>  // format_time
#include <agentpol/decide.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace agentpol {

// A view over one decision; valid only during the hook call.
class AuditRecord {
 public:
  AuditRecord(const Request& request, const Result& result, const Bundle& bundle)
      : req_(request), res_(result), bundle_(bundle) {}

  bool has_time() const;
  int64_t time() const;                 // request `now`, epoch seconds
  std::string_view agent() const;       // "" if none was given
  bool has_user() const;
  std::string_view user() const;
  std::string_view action() const;      // "" if none was set
  size_t resource_count() const;        // the action's parameters
  std::string_view resource_name(size_t i) const;
  std::string_view resource_id(size_t i) const;  // "" if not given
  size_t argument_count() const;
  std::string_view argument_name(size_t i) const;
  bool argument_present(size_t i) const;
  bool argument_optional(size_t i) const;  // declared `name?: T` (or inside an optional record)
  // Appends argument i as JSON (Money "32.00 EUR", Time RFC 3339, ...);
  // `null` when it was not given.
  void argument_json(size_t i, std::string* out) const;
  const Result& result() const { return res_; }
  const Bundle& bundle() const { return bundle_; }

 private:
  const Request& req_;
  const Result& res_;
  const Bundle& bundle_;
};

// Appends the record as one JSON object on one line (no trailing newline):
// {"time","namespace","agent","user","action","resources","args",
//  "decision","reason","rules","annotations","message","bundle"}. "args"
// leaves out optional arguments that were not given; a missing required one
// (a bad request) is null.
void audit_json(const AuditRecord& record, std::string* out);

// Appends `s` as a JSON string: quotes, `\"` `\\` `\n` `\t` `\r`, other
// control bytes as \u00XX (RFC 8259); every other byte as it is. The one
// JSON string escaper of agentpol (audit lines, eval output, messages).
void append_json_string(std::string_view s, std::string* out);

// Text forms shared by the audit renderer and tools (Time: format_time in
// civil_time.h).
void format_money(int64_t minor, const std::string& currency, std::string* out);  // 32.00 EUR
void format_duration(int64_t seconds, std::string* out);          // 15m, 90s, 2h, 7d

}  // namespace agentpol
