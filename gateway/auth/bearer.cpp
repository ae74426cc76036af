// bearer.cpp — bearer_token (RFC 6750's b64token grammar), the 401 header
// value and the two audit lines (ordered keys, invalid UTF-8 replaced).
#include "auth/bearer.h"

#include "core/audit_log.h"
#include "core/strict_json.h"

#include <cctype>

namespace agentpol::gateway::auth {
namespace {

bool token68_char(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
}

std::string dump(const nlohmann::ordered_json& line) {
  return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

const char* bearer_token(std::optional<std::string_view> authorization, std::string_view* token) {
  if (!authorization) return "token_missing";
  std::string_view h = *authorization;
  constexpr std::string_view kScheme = "bearer";
  if (h.size() < kScheme.size()) return h.empty() ? "token_missing" : "authorization_not_bearer";
  for (size_t i = 0; i < kScheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(h[i])) != kScheme[i]) return "authorization_not_bearer";
  h.remove_prefix(kScheme.size());
  if (!h.empty() && h.front() != ' ') return "authorization_not_bearer";
  while (!h.empty() && h.front() == ' ') h.remove_prefix(1);
  if (h.empty()) return "token_missing";
  size_t end = h.size();
  while (end > 0 && h[end - 1] == '=') --end;  // token68 may end in '='
  for (size_t i = 0; i < end; ++i)
    if (!token68_char(static_cast<unsigned char>(h[i]))) return "token_malformed";
  if (end == 0) return "token_malformed";
  *token = h;
  return nullptr;
}

std::string www_authenticate(const char* reason) {
  return std::string("Bearer error=\"invalid_token\", error_description=\"") + reason + "\"";
}

std::string token_refused_line(int64_t time_ms, const char* reason, std::string_view peer) {
  return dump({{"time", rfc3339_millis(time_ms)}, {"event", "token_refused"}, {"reason", reason},
               {"peer", std::string(peer)}});
}

std::string jwks_refused_line(int64_t time_ms, std::string_view file, std::string_view error) {
  return dump({{"time", rfc3339_millis(time_ms)}, {"event", "jwks_refused"}, {"file", std::string(file)},
               {"error", std::string(error)}});
}

}  // namespace agentpol::gateway::auth
