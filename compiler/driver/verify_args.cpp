// verify_args.cpp — --today, --max-review-age, --timeout and --jobs: the
// text goes through compiler/literal, then the option's own rule (a date, not
// a time; a timeout above zero and at most an hour; 1 to 256 jobs).
#include "driver/verify_args.h"

#include <chrono>

#include <fmt/format.h>

#include "literal/number_text.h"
#include "literal/time_text.h"

namespace agentpol::driver {

bool parseDateOption(const std::string& option, const std::string& text, int64_t* epoch, std::string& error) {
  literal::TimeText t;
  literal::TextError err;
  if (!literal::parseTime(text, &t, &err)) {
    error = err.kind == literal::TextError::Kind::OutOfRange
                ? fmt::format("--{}: invalid date `{}`: {}", option, text, err.message)
                : fmt::format("--{}: expected a date such as 2026-11-28, not `{}`", option, text);
    return false;
  }
  if (!t.dateOnly) {
    error = fmt::format("--{}: expected a date such as 2026-11-28, not the time `{}`", option, text);
    return false;
  }
  *epoch = t.epoch;
  return true;
}

bool parseDurationOption(const std::string& option, const std::string& text, literal::DurationIn in, int64_t* out,
                         std::string& error) {
  literal::TextError err;
  if (literal::parseDuration(text, literal::Sign::Unsigned, in, out, &err)) return true;
  error = fmt::format("--{}: invalid duration `{}`: {}", option, text, err.message);
  return false;
}

bool parseTimeoutOption(const ParsedArgs& args, unsigned* ms, std::string& error) {
  if (!args.has("timeout")) return true;
  int64_t v = 0;
  std::string text = args.get("timeout");
  if (!parseDurationOption("timeout", text, literal::DurationIn::Milliseconds, &v, error)) return false;
  if (v <= 0 || v > 3600000) {
    error = fmt::format("--timeout: must be more than 0 and at most 1h, not `{}`", text);
    return false;
  }
  *ms = static_cast<unsigned>(v);
  return true;
}

bool parseJobsOption(const ParsedArgs& args, unsigned* jobs, std::string& error) {
  if (!args.has("jobs")) return true;
  std::string text = args.get("jobs");
  int64_t v = 0;
  if (!literal::parseDigits(text, false, &v) || v < 1 || v > kMaxJobs) {
    error = fmt::format("--jobs: expected a whole number from 1 to {}, not `{}`", kMaxJobs, text);
    return false;
  }
  *jobs = static_cast<unsigned>(v);
  return true;
}

bool parseVerifyOptions(const ParsedArgs& args, verify::VerifyOptions& out, std::string& error) {
  if (args.has("today")) {
    if (!parseDateOption("today", args.get("today"), &out.today, error)) return false;
  } else {
    auto now = std::chrono::system_clock::now().time_since_epoch();
    int64_t s = std::chrono::duration_cast<std::chrono::seconds>(now).count();
    out.today = s - s % 86400;
  }
  if (args.has("max-review-age") &&
      !parseDurationOption("max-review-age", args.get("max-review-age"), literal::DurationIn::Seconds,
                           &out.maxReviewAge, error))
    return false;
  return parseTimeoutOption(args, &out.timeoutMs, error);
}

}  // namespace agentpol::driver
