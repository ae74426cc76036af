// verify_args.h — option values shared by verify, diff and inventory:
// `--today DATE`, `--max-review-age DUR`, `--timeout DUR` (with `ms` too),
// parsed into a verify::VerifyOptions; a bad value is a usage error.
#pragma once

#include <string>

#include "driver/cli_args.h"
#include "verify/check_result.h"

namespace agentpol::driver {

// Fills `out` from `--today`, `--max-review-age`, `--timeout`; on a bad value
// returns false with `error` set.
bool parseVerifyOptions(const ParsedArgs& args, verify::VerifyOptions& out, std::string& error);

// `2026-11-28` -> epoch seconds at midnight UTC.
bool parseDate(const std::string& text, int64_t& epoch);
// `90d`, `15m`, `10s`, `500ms` -> milliseconds.
bool parseDurationMs(const std::string& text, int64_t& ms);

}  // namespace agentpol::driver
