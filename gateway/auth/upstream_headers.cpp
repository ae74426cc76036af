// upstream_headers.cpp — read_upstream_header: split at the first colon,
// check the name against RFC 9110's token grammar and the reserved list,
// trim the value, expand $ENV_VAR, refuse control characters.
#include "auth/upstream_headers.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace agentpol::gateway::auth {
namespace {

bool tchar(unsigned char c) { return std::isalnum(c) || std::strchr("!#$%&'*+-.^_`|~", c) != nullptr; }

bool reserved(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* r : {"host", "content-length", "content-type", "accept", "transfer-encoding", "connection",
                        "mcp-session-id", "mcp-protocol-version"})
    if (name == r) return true;
  return false;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

bool read_upstream_header(std::string_view option, const std::function<std::optional<std::string>(const std::string&)>& env,
                          UpstreamHeader* out, std::string* error) {
  size_t colon = option.find(':');
  if (colon == std::string_view::npos) {
    *error = "expected \"NAME: VALUE\"";
    return false;
  }
  std::string name(option.substr(0, colon));
  if (name.empty() || !std::all_of(name.begin(), name.end(), [](unsigned char c) { return tchar(c); })) {
    *error = "the header name is not an HTTP token";
    return false;
  }
  if (reserved(name)) {
    *error = "the gateway sets " + name + " itself";
    return false;
  }
  std::string value(trim(option.substr(colon + 1)));
  if (value.size() > 1 && value[0] == '$') {
    std::string var = value.substr(1);
    std::optional<std::string> v = env(var);
    if (!v || v->empty()) {
      *error = "$" + var + " is not set (or empty)";
      return false;
    }
    value = std::string(trim(*v));
  }
  for (unsigned char c : value)
    if (c < 0x20 ? c != '\t' : c == 0x7f) {
      *error = "the value of " + name + " has a control character";
      return false;
    }
  *out = {name, value};
  return true;
}

}  // namespace agentpol::gateway::auth
