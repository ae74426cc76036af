// test_token.cpp — access tokens (spec section 13) with real signatures:
// keys generated and tokens signed by OpenSSL in the test (token_mint), then
// verified through the JWKS file as the HTTP gateway does. Every refusal is
// checked by its reason code.
#include "auth/base64url.h"
#include "auth/jws.h"
#include "auth/token_verifier.h"
#include "fixture.h"
#include "token_mint.h"

#include <catch2/catch.hpp>

#include <regex>

using namespace agentpol::gateway;
using namespace agentpol::gateway::auth;
using namespace agentpol::gateway::test;

namespace {

constexpr int64_t kNow = 1800000000;

const SigningKey& ed() { static SigningKey k = make_key("OKP", "ed-1"); return k; }
const SigningKey& ec() { static SigningKey k = make_key("EC", "ec-1"); return k; }
const SigningKey& rsa() { static SigningKey k = make_key("RSA", "rsa-1"); return k; }

json claims(json extra = json::object()) {
  json c = {{"iss", "https://idp.example"}, {"aud", "agentpol-gw"}, {"sub", "agent-7"},
            {"iat", kNow - 10}, {"exp", kNow + 300}};
  for (auto& [k, v] : extra.items()) {
    if (v.is_null()) c.erase(k);
    else c[k] = v;
  }
  return c;
}

// A JWKS file holding `keys` and a verifier for the test issuer and audience.
struct Gate {
  std::string path;
  JwksFile file;
  TokenVerifier verifier;
  explicit Gate(const std::string& jwks)
      : path(write_text(temp_dir() + "/jwks.json", jwks)), file(path),
        verifier(&file, "https://idp.example", "agentpol-gw") {
    std::string error;
    REQUIRE(file.load(&error));
  }
  TokenCheck check(const std::string& token, int64_t now = kNow) { return verifier.verify(token, now); }
  std::string reason(const std::string& token, int64_t now = kNow) {
    TokenCheck c = check(token, now);
    return c.ok() ? "ok" : c.reason;
  }
};

Gate& all3() {
  static Gate g(jwks_of({&ed(), &ec(), &rsa()}));
  return g;
}

std::string segment(const std::string& token, int i) {
  size_t a = 0;
  for (int k = 0; k < i; ++k) a = token.find('.', a) + 1;
  size_t b = token.find('.', a);
  return token.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

std::string join(const std::string& h, const std::string& p, const std::string& s) { return h + "." + p + "." + s; }

}  // namespace

TEST_CASE("token: base64url decoding is strict", "[token]") {
  CHECK(base64url_decode("") == std::string());
  CHECK(base64url_decode("QQ") == std::string("A"));
  CHECK(base64url_decode("QUI") == std::string("AB"));
  CHECK(base64url_decode("QUJD") == std::string("ABC"));
  CHECK(base64url_decode("-_8") == std::string("\xfb\xff"));
  CHECK_FALSE(base64url_decode("QR"));     // unused low bits set
  CHECK_FALSE(base64url_decode("QUJ"));    // likewise (J has low bits)
  CHECK_FALSE(base64url_decode("QQ=="));   // padding
  CHECK_FALSE(base64url_decode("Q"));      // length 1 mod 4
  CHECK_FALSE(base64url_decode("+/8A"));   // the other alphabet
  CHECK_FALSE(base64url_decode("QU JD"));  // whitespace
  CHECK_FALSE(base64url_decode(std::string("QQ\0", 3)));
  for (std::string bytes : {std::string(""), std::string("\0\xff", 2), std::string("hello world!"), std::string(257, 'x')})
    CHECK(base64url_decode(base64url_encode(bytes)) == bytes);
}

TEST_CASE("token: each algorithm is accepted with its own key", "[token]") {
  for (const SigningKey* key : {&ed(), &ec(), &rsa()}) {
    INFO(key->alg());
    TokenCheck c = all3().check(mint(*key, claims()));
    REQUIRE(c.ok());
    CHECK(c.identity.agent == "agent-7");
    CHECK_FALSE(c.identity.user);
    CHECK(c.identity.expires_at == kNow + 300);
    CHECK(c.identity.issued_at == kNow - 10);
  }
}

TEST_CASE("token: a signature by another key, or a changed byte, is refused", "[token]") {
  for (const std::string kty : {"OKP", "EC", "RSA"}) {
    INFO(kty);
    const SigningKey& real = kty == "OKP" ? ed() : kty == "EC" ? ec() : rsa();
    SigningKey other = make_key(kty, real.kid);  // same kid, another key
    CHECK(all3().reason(mint(other, claims())) == "signature_invalid");

    std::string good = mint(real, claims());
    std::string h = segment(good, 0), p = segment(good, 1), s = segment(good, 2);
    // Payload: other claims under the real signature.
    CHECK(all3().reason(join(h, base64url_encode(claims({{"sub", "root"}}).dump()), s)) == "signature_invalid");
    // Header: the same alg and kid, written differently.
    json header = {{"alg", real.alg()}, {"kid", real.kid}, {"typ", "at+jwt"}};
    CHECK(all3().reason(join(base64url_encode(header.dump()), p, s)) == "signature_invalid");
    // Signature: one bit flipped, truncated, empty.
    std::string sig = *base64url_decode(s);
    sig[sig.size() / 2] = static_cast<char>(sig[sig.size() / 2] ^ 1);
    CHECK(all3().reason(join(h, p, base64url_encode(sig))) == "signature_invalid");
    CHECK(all3().reason(join(h, p, base64url_encode(sig.substr(1)))) == "signature_invalid");
    CHECK(all3().reason(join(h, p, "")) == "signature_invalid");
  }
}

TEST_CASE("token: ES256 wants JOSE r||s, not a DER signature", "[token]") {
  std::string good = mint(ec(), claims());
  std::string h = segment(good, 0), p = segment(good, 1);
  std::string sig = *base64url_decode(segment(good, 2));
  // The same r and s as DER: SEQUENCE { INTEGER r, INTEGER s } (with 0x00 when the top bit is set).
  auto integer = [](std::string v) {
    if (static_cast<unsigned char>(v[0]) & 0x80) v.insert(v.begin(), '\0');
    return std::string("\x02", 1) + static_cast<char>(v.size()) + v;
  };
  std::string body = integer(sig.substr(0, 32)) + integer(sig.substr(32));
  std::string der = std::string("\x30", 1) + static_cast<char>(body.size()) + body;
  CHECK(all3().reason(join(h, p, base64url_encode(der))) == "signature_invalid");
  CHECK(all3().reason(join(h, p, base64url_encode(sig))) == "ok");
}

TEST_CASE("token: alg none, HMAC, unknown algs and an alg that does not fit the key are refused", "[token]") {
  json c = claims();
  std::string body = base64url_encode(c.dump());
  auto with_header = [&](const json& header, const std::string& sig) {
    return join(base64url_encode(header.dump()), body, base64url_encode(sig));
  };
  CHECK(all3().reason(with_header({{"alg", "none"}}, "")) == "alg_none");
  CHECK(all3().reason(with_header({{"alg", "none"}, {"kid", "ed-1"}}, "")) == "alg_none");
  CHECK(all3().reason(with_header({{"alg", "NONE"}}, "")) == "alg_none");
  CHECK(all3().reason(with_header({{"alg", ""}}, "")) == "alg_none");
  // HS256 keyed with the public key's JWK text: the classic confusion.
  std::string hmac_input = base64url_encode(json{{"alg", "HS256"}, {"kid", "rsa-1"}}.dump()) + "." + body;
  std::string mac(32, '\x5a');
  CHECK(all3().reason(hmac_input + "." + base64url_encode(mac)) == "alg_hmac");
  CHECK(all3().reason(with_header({{"alg", "HS512"}, {"kid", "ed-1"}}, mac)) == "alg_hmac");
  CHECK(all3().reason(with_header({{"alg", "PS256"}, {"kid", "rsa-1"}}, mac)) == "alg_unsupported");
  CHECK(all3().reason(with_header({{"alg", "ES384"}, {"kid", "ec-1"}}, mac)) == "alg_unsupported");
  CHECK(all3().reason(with_header({{"alg", "Ed25519"}, {"kid", "ed-1"}}, mac)) == "alg_unsupported");
  CHECK(all3().reason(with_header({{"kid", "ed-1"}}, mac)) == "alg_missing");
  CHECK(all3().reason(with_header({{"alg", 1}}, mac)) == "alg_malformed");
  // A real RS256 signature presented under an EC key's kid, and the reverse.
  CHECK(all3().reason(mint(rsa(), {{"alg", "RS256"}, {"kid", "ec-1"}}, c)) == "alg_key_mismatch");
  CHECK(all3().reason(mint(ec(), {{"alg", "ES256"}, {"kid", "ed-1"}}, c)) == "alg_key_mismatch");
  CHECK(all3().reason(mint(ed(), {{"alg", "EdDSA"}, {"kid", "rsa-1"}}, c)) == "alg_key_mismatch");
}

TEST_CASE("token: the header's kid, typ and crit", "[token]") {
  json c = claims();
  // No kid: the one key of the alg is used; with two such keys it is ambiguous.
  CHECK(all3().reason(mint(ed(), {{"alg", "EdDSA"}}, c)) == "ok");
  SigningKey ed2 = make_key("OKP", "ed-2");
  Gate two(jwks_of({&ed(), &ed2}));
  CHECK(two.reason(mint(ed2, {{"alg", "EdDSA"}}, c)) == "kid_missing");
  CHECK(two.reason(mint(ed2, c)) == "ok");
  CHECK(two.reason(mint(ec(), {{"alg", "ES256"}}, c)) == "alg_key_mismatch");  // no key for ES256
  CHECK(all3().reason(mint(ed(), {{"alg", "EdDSA"}, {"kid", "ed-9"}}, c)) == "kid_unknown");
  CHECK(all3().reason(mint(ed(), {{"alg", "EdDSA"}, {"kid", 1}}, c)) == "kid_malformed");
  CHECK(all3().reason(mint(ed(), {{"alg", "EdDSA"}, {"kid", ""}}, c)) == "kid_malformed");
  CHECK(all3().reason(mint(ed(), {{"alg", "EdDSA"}, {"typ", "AT+JWT"}}, c)) == "ok");
  CHECK(all3().reason(mint(ed(), {{"alg", "EdDSA"}, {"typ", "dpop+jwt"}}, c)) == "typ_unexpected");
  CHECK(all3().reason(mint(ed(), {{"alg", "EdDSA"}, {"typ", 5}}, c)) == "typ_unexpected");
  CHECK(all3().reason(mint(ed(), {{"alg", "EdDSA"}, {"crit", {"exp"}}, {"exp", 1}}, c)) == "crit_unsupported");
}

TEST_CASE("token: exp, nbf and iat with 60 s of leeway, to the second", "[token]") {
  auto at = [](json extra, int64_t now) { return all3().reason(mint(ed(), claims(std::move(extra))), now); };
  CHECK(at({{"exp", kNow}}, kNow + 59) == "ok");
  CHECK(at({{"exp", kNow}}, kNow + 60) == "expired");
  CHECK(at({{"exp", kNow}}, kNow + 3600) == "expired");
  CHECK(at({{"exp", kNow + 0.9}}, kNow + 60) == "expired");  // fractions dropped
  CHECK(at({{"exp", nullptr}}, kNow) == "exp_missing");
  CHECK(at({{"exp", "1800000300"}}, kNow) == "exp_malformed");
  CHECK(at({{"exp", true}}, kNow) == "exp_malformed");
  CHECK(at({{"exp", 1e300}}, kNow) == "exp_malformed");
  CHECK(at({{"exp", -5}}, kNow) == "exp_malformed");
  CHECK(at({{"nbf", kNow + 60}}, kNow) == "ok");
  CHECK(at({{"nbf", kNow + 61}}, kNow) == "not_yet_valid");
  CHECK(at({{"nbf", "soon"}}, kNow) == "nbf_malformed");
  CHECK(at({{"iat", kNow + 60}}, kNow) == "ok");
  CHECK(at({{"iat", kNow + 61}}, kNow) == "iat_in_future");
  CHECK(at({{"iat", json::array()}}, kNow) == "iat_malformed");
  TokenCheck no_iat = all3().check(mint(ed(), claims({{"iat", nullptr}})));
  REQUIRE(no_iat.ok());
  CHECK_FALSE(no_iat.identity.issued_at);
}

TEST_CASE("token: iss and aud", "[token]") {
  auto r = [](json extra) { return all3().reason(mint(ec(), claims(std::move(extra)))); };
  CHECK(r({{"iss", "https://idp.example/"}}) == "iss_mismatch");
  CHECK(r({{"iss", nullptr}}) == "iss_missing");
  CHECK(r({{"iss", 3}}) == "iss_malformed");
  CHECK(r({{"aud", "other"}}) == "aud_mismatch");
  CHECK(r({{"aud", {"other", "agentpol-gw"}}}) == "ok");
  CHECK(r({{"aud", {"other"}}}) == "aud_mismatch");
  CHECK(r({{"aud", json::array()}}) == "aud_malformed");
  CHECK(r({{"aud", {"agentpol-gw", 1}}}) == "aud_malformed");
  CHECK(r({{"aud", 7}}) == "aud_malformed");
  CHECK(r({{"aud", nullptr}}) == "aud_missing");
}

TEST_CASE("token: the caller, by RFC 8693", "[token]") {
  auto id = [](json extra) {
    TokenCheck c = all3().check(mint(rsa(), claims(std::move(extra))));
    return c.ok() ? c.identity.agent + "|" + c.identity.user.value_or("-") : std::string(c.reason);
  };
  CHECK(id({{"act", {{"sub", "agent-9"}}}, {"sub", "user-4821"}}) == "agent-9|user-4821");
  CHECK(id({{"act", {{"sub", "agent-9"}, {"act", {{"sub", "older"}}}}}, {"sub", "u"}}) == "agent-9|u");
  CHECK(id({{"act", {{"sub", "agent-9"}}}, {"sub", nullptr}}) == "sub_missing");
  CHECK(id({{"act", "agent-9"}}) == "act_malformed");
  CHECK(id({{"act", {{"sub", ""}}}}) == "act_malformed");
  CHECK(id({{"act", json::object()}}) == "act_malformed");
  CHECK(id({{"client_id", "cli-1"}, {"azp", "azp-1"}}) == "cli-1|-");
  CHECK(id({{"azp", "azp-1"}}) == "azp-1|-");
  CHECK(id({}) == "agent-7|-");
  CHECK(id({{"client_id", 4}}) == "client_id_malformed");
  CHECK(id({{"azp", ""}}) == "azp_malformed");
  CHECK(id({{"sub", 4}}) == "sub_malformed");
  CHECK(id({{"sub", nullptr}}) == "agent_missing");
}

TEST_CASE("token: scopes and context.token", "[token]") {
  auto scopes = [](json extra) {
    TokenCheck c = all3().check(mint(ed(), claims(std::move(extra))));
    return c.ok() ? json(c.identity.scopes).dump() : std::string(c.reason);
  };
  CHECK(scopes({}) == "[]");
  CHECK(scopes({{"scope", "write read  read"}}) == R"(["read","write"])");
  CHECK(scopes({{"scp", {"b", "a"}}}) == R"(["a","b"])");
  CHECK(scopes({{"scp", "one"}}) == R"(["one"])");
  CHECK(scopes({{"scope", "x"}, {"scp", {"y"}}}) == R"(["x"])");
  CHECK(scopes({{"scope", {"x"}}}) == "scope_malformed");
  CHECK(scopes({{"scp", {1}}}) == "scp_malformed");
  TokenCheck c = all3().check(mint(ed(), claims({{"scope", "read"}})));
  REQUIRE(c.ok());
  CHECK(token_context(c.identity).dump() ==
        R"({"expires_at":"2027-01-15T08:05:00Z","issued_at":"2027-01-15T07:59:50Z","scopes":["read"]})");
  c.identity.issued_at.reset();
  CHECK(token_context(c.identity).dump() == R"({"expires_at":"2027-01-15T08:05:00Z","scopes":["read"]})");
}

TEST_CASE("token: malformed tokens, each with its reason", "[token]") {
  std::string good = mint(ed(), claims());
  std::string h = segment(good, 0), p = segment(good, 1), s = segment(good, 2);
  CHECK(all3().reason("") == "token_empty");
  CHECK(all3().reason("abc") == "token_not_compact");
  CHECK(all3().reason(h + "." + p) == "token_not_compact");
  CHECK(all3().reason(good + ".") == "token_not_compact");
  CHECK(all3().reason(good + "." + s) == "token_not_compact");
  CHECK(all3().reason(join(h + "=", p, s)) == "header_not_base64url");
  CHECK(all3().reason(join(h, p + "=", s)) == "payload_not_base64url");
  CHECK(all3().reason(join(h, p, s + "=")) == "signature_not_base64url");
  CHECK(all3().reason(join(h, p, "a+b")) == "signature_not_base64url");
  CHECK(all3().reason(join(base64url_encode("{\"alg\":"), p, s)) == "header_not_json");
  CHECK(all3().reason(join(base64url_encode("[\"EdDSA\"]"), p, s)) == "header_not_json");
  CHECK(all3().reason(join(base64url_encode(R"({"alg":"EdDSA","alg":"none"})"), p, s)) == "header_not_json");
  // A well-signed payload that is not a JSON object, or has a key twice.
  json header = {{"alg", "EdDSA"}, {"kid", "ed-1"}};
  for (std::string payload : {std::string("not json"), std::string("[1]"),
                              std::string(R"({"iss":"https://idp.example","iss":"x"})")}) {
    std::string input = base64url_encode(header.dump()) + "." + base64url_encode(payload);
    CHECK(all3().reason(input + "." + base64url_encode(ed().sign(input))) == "payload_not_json");
  }
  // Huge: refused before anything is decoded; the bound is exact.
  std::string pad(kMaxTokenBytes, 'A');
  CHECK(all3().reason(pad + "." + p + "." + s) == "token_too_large");
  json big = claims({{"pad", std::string(kMaxTokenBytes, 'x')}});
  CHECK(all3().reason(mint(ed(), big)) == "token_too_large");
  std::string edge = mint(ed(), claims({{"pad", ""}}));
  size_t room = kMaxTokenBytes - edge.size();  // base64 grows 4/3: fill the payload to just under the bound
  std::string fits = mint(ed(), claims({{"pad", std::string(room * 3 / 4, 'x')}}));
  CHECK(fits.size() <= kMaxTokenBytes);
  CHECK(all3().reason(fits) == "ok");
}

TEST_CASE("token: reasons are fixed codes, never the token", "[token]") {
  std::regex code("[a-z0-9_]{5,30}");
  std::string good = mint(ed(), claims({{"sub", "secret-subject"}}));
  for (std::string t : {good, good + "x", std::string("x.y.z"), good.substr(0, good.size() - 3),
                        mint(ed(), claims({{"iss", "evil"}})), mint(ed(), claims({{"exp", kNow - 999}}))}) {
    TokenCheck c = all3().check(t);
    if (c.ok()) continue;
    CHECK(std::regex_match(c.reason, code));
  }
}

TEST_CASE("token: JWKS files that are refused", "[token][jwks]") {
  auto refused = [](json jwks) {
    KeySet set;
    std::string error;
    bool ok = read_jwks(jwks.is_string() ? jwks.get<std::string>() : jwks.dump(), &set, &error);
    return ok ? std::string("ok") : error;
  };
  json edk = ed().jwk();
  CHECK(refused(json{{"keys", {edk}}}) == "ok");
  CHECK(refused("not json") .rfind("JWKS is not valid JSON", 0) == 0);
  CHECK(refused(json{{"keys", json::array()}}) == "JWKS holds 0 keys (1 to 64 allowed)");
  CHECK(refused(json{{"key", {edk}}}) == "JWKS is not an object with a \"keys\" array");
  CHECK(refused(json{{"keys", {{{"kty", "oct"}, {"k", "c2VjcmV0"}}}}}) ==
        "JWKS key 0: key has the private or secret member \"k\"");
  CHECK(refused(json{{"keys", {{{"kty", "oct"}}}}}) == "JWKS key 0: \"kty\" is not OKP, EC or RSA");
  json with_d = edk;
  with_d["d"] = edk["x"];
  CHECK(refused(json{{"keys", {with_d}}}) == "JWKS key 0: key has the private or secret member \"d\"");
  CHECK(refused(json{{"keys", {edk, edk}}}) == "JWKS key 1: kid given to two keys");
  json wrong_alg = edk;
  wrong_alg["alg"] = "RS256";
  CHECK(refused(json{{"keys", {wrong_alg}}}) == "JWKS key 0: \"alg\" RS256 does not fit a OKP key");
  json enc = rsa().jwk();
  enc["use"] = "enc";
  CHECK(refused(json{{"keys", {enc}}}) == "JWKS key 0: \"use\" is not \"sig\"");
  json off_curve = ec().jwk();
  std::string y = *base64url_decode(off_curve["y"].get<std::string>());
  y[31] = static_cast<char>(y[31] ^ 1);
  off_curve["y"] = base64url_encode(y);
  CHECK(refused(json{{"keys", {off_curve}}}).rfind("JWKS key 0: ", 0) == 0);
  CHECK(refused(json{{"keys", {off_curve}}}) != "ok");
  json p384 = ec().jwk();
  p384["crv"] = "P-384";
  CHECK(refused(json{{"keys", {p384}}}) == "JWKS key 0: EC key whose \"crv\" is not P-256");
  json x25519 = edk;
  x25519["crv"] = "X25519";
  CHECK(refused(json{{"keys", {x25519}}}) == "JWKS key 0: OKP key whose \"crv\" is not Ed25519");
  json short_x = edk;
  short_x["x"] = base64url_encode(std::string(31, 'a'));
  CHECK(refused(json{{"keys", {short_x}}}) == "JWKS key 0: Ed25519 \"x\" is not 32 bytes");
  json small_rsa = rsa().jwk();
  small_rsa["n"] = base64url_encode(std::string(128, '\xc1'));
  CHECK(refused(json{{"keys", {small_rsa}}}) == "JWKS key 0: RSA key shorter than 2048 bits");
  for (std::string e : {std::string("\x01", 1), std::string("\x01\x00", 2), std::string(9, '\x01')}) {
    json bad_e = rsa().jwk();
    bad_e["e"] = base64url_encode(e);
    CHECK(refused(json{{"keys", {bad_e}}}) == "JWKS key 0: RSA \"e\" is not an odd exponent of at most 64 bits above 1");
  }
  json bad_b64 = edk;
  bad_b64["x"] = edk["x"].get<std::string>() + "=";
  CHECK(refused(json{{"keys", {bad_b64}}}) == "JWKS key 0: \"x\" is not base64url");
}

TEST_CASE("token: the JWKS file is read again when it changes; a bad change is refused once", "[token][jwks]") {
  SigningKey next = make_key("EC", "ec-next");
  Gate g(jwks_of({&ed()}));
  std::string old_token = mint(ed(), claims()), new_token = mint(next, claims());
  CHECK(g.reason(old_token) == "ok");
  CHECK(g.reason(new_token) == "kid_unknown");
  write_text(g.path, jwks_of({&next}));
  CHECK(g.reason(new_token) == "ok");
  CHECK(g.reason(old_token) == "kid_unknown");  // the rotated-out key no longer verifies
  write_text(g.path, "{\"keys\": [");  // a broken file: refused, the keys in force stay
  std::string refused;
  CHECK(g.verifier.verify(new_token, kNow, &refused).ok());
  CHECK(refused.find("JWKS is not valid JSON") != std::string::npos);
  refused.clear();
  CHECK(g.verifier.verify(new_token, kNow, &refused).ok());
  CHECK(refused.empty());  // reported once per change
  write_text(g.path, jwks_of({&ed(), &next}));
  CHECK(g.reason(old_token) == "ok");
  CHECK(g.reason(new_token) == "ok");
  std::string error;
  JwksFile missing(g.path + ".nope");
  CHECK_FALSE(missing.load(&error));
  CHECK(error.find("cannot read the JWKS file") == 0);
}

TEST_CASE("token: the RFCs' example signatures verify (known answers, not our own signer)", "[token]") {
  // RFC 8037 A.2 / A.4: Ed25519 over a payload that is not JSON, so a
  // signature that holds shows as payload_not_json.
  KeySet okp;
  std::string error;
  REQUIRE(read_jwks(R"({"keys":[{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]})",
                    &okp, &error));
  std::string rfc8037 =
      "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
      "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
  json claims_out;
  CHECK(std::string(verify_jws(rfc8037, okp, &claims_out)) == "payload_not_json");
  std::string flipped = rfc8037;
  flipped[flipped.size() - 5] = flipped[flipped.size() - 5] == 'A' ? 'B' : 'A';
  CHECK(std::string(verify_jws(flipped, okp, &claims_out)) == "signature_invalid");
  // RFC 7515 A.3: ES256, JOSE r||s.
  KeySet p256;
  REQUIRE(read_jwks(R"({"keys":[{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
                     "y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]})",
                    &p256, &error));
  std::string rfc7515 =
      "eyJhbGciOiJFUzI1NiJ9."
      "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ."
      "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";
  CHECK(verify_jws(rfc7515, p256, &claims_out) == nullptr);
  CHECK(claims_out["iss"] == "joe");
}
