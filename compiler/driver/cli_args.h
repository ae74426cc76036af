// cli_args.h — table-driven command-line parsing for agentpolc's subcommands:
// each command declares its options once (name, value, help) and gets
// parsing, `--help` text and usage errors (exit 2) from that one table.
// Hand-written rather than llvm::cl because llvm::cl keeps global state,
// exits on its own, and cannot split `OLD… -- NEW…` positionals.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace agentpol::driver {

struct OptionSpec {
  std::string name;     // long name without dashes: "format"
  char shortName = 0;   // 'o' for -o, 0 for none
  std::string metavar;  // "FILE"; empty for a flag without a value
  std::string help;
  bool repeatable = false;
};

struct CommandSpec {
  std::string name;     // "check"
  std::string usage;    // "agentpolc check FILE… [--format text|json]"
  std::string summary;  // one line
  std::string details;  // paragraphs after the options, may be empty
  std::vector<OptionSpec> options;
  size_t minPositional = 0;
  bool allowDashDash = false;  // file arguments after a `--` kept apart (options still read)
};

struct ParsedArgs {
  bool help = false;
  std::map<std::string, std::vector<std::string>> options;  // by long name
  std::vector<std::string> positional;
  std::vector<std::string> afterDashDash;
  bool sawDashDash = false;

  bool has(const std::string& name) const { return options.count(name) > 0; }
  // The last value given for an option, or `fallback`.
  std::string get(const std::string& name, const std::string& fallback = "") const;
  const std::vector<std::string>& all(const std::string& name) const;
};

// Parses argv (after the subcommand name): options anywhere, before or after
// file arguments and (allowDashDash) on either side of the one `--`. On a
// usage error returns nullopt and sets `error` to a message for the user.
std::optional<ParsedArgs> parseArgs(const CommandSpec& spec, const std::vector<std::string>& args,
                                    std::string& error);

// The `--help` text of one command.
std::string helpText(const CommandSpec& spec);

}  // namespace agentpol::driver
