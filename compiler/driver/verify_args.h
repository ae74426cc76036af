// verify_args.h — option values shared by verify, diff, inventory and build:
// `--today DATE`, `--max-review-age DUR`, `--timeout DUR` (with `ms` too)
// and verify's `--jobs N`, read by the one literal parser (compiler/literal).
// A bad value — an impossible date, a duration that overflows — is a usage error whose
// message names the option.
#pragma once

#include <cstdint>
#include <string>

#include "driver/cli_args.h"
#include "literal/number_text.h"
#include "verify/check_result.h"

namespace agentpol::driver {

// Fills `out` from `--today`, `--max-review-age`, `--timeout`; on a bad value
// returns false with `error` set ("--today: invalid date `2026-02-31`: …").
bool parseVerifyOptions(const ParsedArgs& args, verify::VerifyOptions& out, std::string& error);

// `--jobs N` when given (verify only): a whole number from 1 to kMaxJobs.
inline constexpr int64_t kMaxJobs = 256;
bool parseJobsOption(const ParsedArgs& args, unsigned* jobs, std::string& error);

// `--timeout` when given: more than 0 and at most 1h, in milliseconds.
bool parseTimeoutOption(const ParsedArgs& args, unsigned* ms, std::string& error);

// One option value: `2026-11-28` -> epoch seconds at midnight UTC; `90d` ->
// a count of `in` (no sign). `option` names the option in the message.
bool parseDateOption(const std::string& option, const std::string& text, int64_t* epoch, std::string& error);
bool parseDurationOption(const std::string& option, const std::string& text, literal::DurationIn in, int64_t* out,
                         std::string& error);

}  // namespace agentpol::driver
