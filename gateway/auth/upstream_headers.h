// upstream_headers.h — `--upstream-header "NAME: VALUE"` (spec section 13):
// the gateway's own headers toward the upstream MCP server, the only
// credentials it ever sends there (the client's token never is). A VALUE
// of the form $ENV_VAR is that variable's value, so secrets stay off the
// command line.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace agentpol::gateway::auth {

struct UpstreamHeader {
  std::string name, value;
};

// Reads one option value. `env` looks a variable up (std::getenv in the
// command). On failure returns false and sets *error: no colon, a name that
// is not an HTTP token, a name the transport sets itself (Host,
// Content-Length, Content-Type, Accept, Transfer-Encoding, Connection,
// Mcp-Session-Id, Mcp-Protocol-Version), a value with a control character,
// or an unset or empty $ENV_VAR.
bool read_upstream_header(std::string_view option, const std::function<std::optional<std::string>(const std::string&)>& env,
                          UpstreamHeader* out, std::string* error);

}  // namespace agentpol::gateway::auth
