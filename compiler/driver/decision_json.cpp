// decision_json.cpp — rendering a runtime Result as eval's JSON line.
#include "driver/decision_json.h"

namespace agentpol::driver {

void appendJsonString(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(ch);
    } else if (c == '\n') {
      *out += "\\n";
    } else if (c == '\t') {
      *out += "\\t";
    } else if (c == '\r') {
      *out += "\\r";
    } else if (c < 0x20) {
      *out += "\\u00";
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 15]);
    } else {
      out->push_back(ch);
    }
  }
  out->push_back('"');
}

void appendDecisionLine(const Result& r, std::string* out) {
  *out += "{\"decision\":\"";
  *out += to_string(r.decision);
  *out += "\",\"reason\":\"";
  *out += to_string(r.reason);
  *out += "\",\"rules\":[";
  for (size_t i = 0; i < r.rule_count; ++i) {
    if (i) out->push_back(',');
    appendJsonString(r.rule_id(i), out);
  }
  out->push_back(']');
  if (r.reason == Reason::BadRequest) {
    *out += ",\"message\":";
    appendJsonString(r.message.empty() ? std::string_view("bad request") : r.message, out);
  }
  *out += "}\n";
}

}  // namespace agentpol::driver
