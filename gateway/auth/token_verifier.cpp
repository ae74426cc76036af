// token_verifier.cpp — TokenVerifier::verify (verify_jws, then
// check_claims), the claim readers, and token_context.
#include "auth/token_verifier.h"

#include "auth/jws.h"

#include <agentpol/civil_time.h>

#include <algorithm>
#include <cmath>

namespace agentpol::gateway::auth {
namespace {

// Year 9999's last second: NumericDates past it are refused as malformed.
constexpr double kMaxNumericDate = 253402300799.0;

enum class Read { Absent, Ok, Malformed };

Read numeric_date(const json& claims, const char* name, int64_t* out) {
  auto it = claims.find(name);
  if (it == claims.end()) return Read::Absent;
  if (!it->is_number()) return Read::Malformed;
  double v = it->get<double>();
  if (!std::isfinite(v) || v < 0 || v > kMaxNumericDate) return Read::Malformed;
  *out = static_cast<int64_t>(std::floor(v));
  return Read::Ok;
}

// A string claim: Absent, Ok (non-empty string) or Malformed.
Read text(const json& obj, const char* name, std::string* out) {
  auto it = obj.find(name);
  if (it == obj.end()) return Read::Absent;
  if (!it->is_string() || it->get_ref<const std::string&>().empty()) return Read::Malformed;
  *out = it->get<std::string>();
  return Read::Ok;
}

const char* audience_reason(const json& claims, const std::string& audience) {
  auto it = claims.find("aud");
  if (it == claims.end()) return "aud_missing";
  if (it->is_string()) return it->get_ref<const std::string&>() == audience ? nullptr : "aud_mismatch";
  if (!it->is_array() || it->empty()) return "aud_malformed";
  bool found = false;
  for (const json& a : *it) {
    if (!a.is_string()) return "aud_malformed";
    found = found || a.get_ref<const std::string&>() == audience;
  }
  return found ? nullptr : "aud_mismatch";
}

const char* times_reason(const json& claims, int64_t now, int64_t leeway, TokenIdentity* id) {
  switch (numeric_date(claims, "exp", &id->expires_at)) {
    case Read::Absent: return "exp_missing";
    case Read::Malformed: return "exp_malformed";
    case Read::Ok: break;
  }
  if (now >= id->expires_at + leeway) return "expired";
  int64_t nbf = 0;
  switch (numeric_date(claims, "nbf", &nbf)) {
    case Read::Malformed: return "nbf_malformed";
    case Read::Ok:
      if (now < nbf - leeway) return "not_yet_valid";
      break;
    case Read::Absent: break;
  }
  int64_t iat = 0;
  switch (numeric_date(claims, "iat", &iat)) {
    case Read::Malformed: return "iat_malformed";
    case Read::Ok:
      if (now < iat - leeway) return "iat_in_future";
      id->issued_at = iat;
      break;
    case Read::Absent: break;
  }
  return nullptr;
}

const char* caller_reason(const json& claims, TokenIdentity* id) {
  std::string sub;
  Read has_sub = text(claims, "sub", &sub);
  if (has_sub == Read::Malformed) return "sub_malformed";
  if (auto act = claims.find("act"); act != claims.end()) {
    if (!act->is_object() || text(*act, "sub", &id->agent) != Read::Ok) return "act_malformed";
    if (has_sub != Read::Ok) return "sub_missing";
    id->user = sub;
    return nullptr;
  }
  for (const char* name : {"client_id", "azp"}) {
    switch (text(claims, name, &id->agent)) {
      case Read::Ok: return nullptr;
      case Read::Malformed: return name[0] == 'c' ? "client_id_malformed" : "azp_malformed";
      case Read::Absent: break;
    }
  }
  if (has_sub != Read::Ok) return "agent_missing";
  id->agent = sub;
  return nullptr;
}

const char* scopes_reason(const json& claims, TokenIdentity* id) {
  if (auto it = claims.find("scope"); it != claims.end()) {
    if (!it->is_string()) return "scope_malformed";
    const std::string& s = it->get_ref<const std::string&>();
    for (size_t at = 0; at < s.size();) {
      size_t end = std::min(s.find(' ', at), s.size());
      if (end > at) id->scopes.push_back(s.substr(at, end - at));
      at = end + 1;
    }
  } else if (auto scp = claims.find("scp"); scp != claims.end()) {
    if (scp->is_string()) {
      id->scopes.push_back(scp->get<std::string>());
    } else if (scp->is_array()) {
      for (const json& s : *scp) {
        if (!s.is_string()) return "scp_malformed";
        id->scopes.push_back(s.get<std::string>());
      }
    } else {
      return "scp_malformed";
    }
  }
  std::sort(id->scopes.begin(), id->scopes.end());
  id->scopes.erase(std::unique(id->scopes.begin(), id->scopes.end()), id->scopes.end());
  return nullptr;
}

}  // namespace

TokenCheck check_claims(const json& claims, const std::string& issuer, const std::string& audience, int64_t now,
                        int64_t leeway) {
  TokenCheck check;
  std::string iss;
  switch (text(claims, "iss", &iss)) {
    case Read::Absent: check.reason = "iss_missing"; return check;
    case Read::Malformed: check.reason = "iss_malformed"; return check;
    case Read::Ok:
      if (iss != issuer) {
        check.reason = "iss_mismatch";
        return check;
      }
  }
  if ((check.reason = audience_reason(claims, audience))) return check;
  if ((check.reason = times_reason(claims, now, leeway, &check.identity))) return check;
  if ((check.reason = caller_reason(claims, &check.identity))) return check;
  check.reason = scopes_reason(claims, &check.identity);
  return check;
}

TokenCheck TokenVerifier::verify(std::string_view token, int64_t now, std::string* jwks_refused) const {
  std::shared_ptr<const KeySet> keys = keys_->current(jwks_refused);
  json claims;
  if (const char* why = verify_jws(token, *keys, &claims)) {
    TokenCheck check;
    check.reason = why;
    return check;
  }
  return check_claims(claims, issuer_, audience_, now, leeway_);
}

json token_context(const TokenIdentity& identity) {
  json token = json::object();
  if (identity.issued_at) token["issued_at"] = format_time(*identity.issued_at);
  token["expires_at"] = format_time(identity.expires_at);
  token["scopes"] = identity.scopes;
  return token;
}

}  // namespace agentpol::gateway::auth
