// cli_args.cpp — option parsing and help rendering for CommandSpec tables.
// Options may stand anywhere among the arguments, also after a `--` (which
// only separates two lists of files, for diff); every other argument that
// starts with `-` (but `-` itself, stdin) is an unknown option.
#include "driver/cli_args.h"

#include <fmt/format.h>

namespace agentpol::driver {
namespace {

const OptionSpec* findLong(const CommandSpec& spec, const std::string& name) {
  for (const OptionSpec& o : spec.options)
    if (o.name == name) return &o;
  return nullptr;
}

const OptionSpec* findShort(const CommandSpec& spec, char c) {
  for (const OptionSpec& o : spec.options)
    if (o.shortName != 0 && o.shortName == c) return &o;
  return nullptr;
}

}  // namespace

std::string ParsedArgs::get(const std::string& name, const std::string& fallback) const {
  auto it = options.find(name);
  return it == options.end() || it->second.empty() ? fallback : it->second.back();
}

const std::vector<std::string>& ParsedArgs::all(const std::string& name) const {
  static const std::vector<std::string> none;
  auto it = options.find(name);
  return it == options.end() ? none : it->second;
}

std::optional<ParsedArgs> parseArgs(const CommandSpec& spec, const std::vector<std::string>& args,
                                    std::string& error) {
  ParsedArgs out;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      out.help = true;
      return out;
    }
    if (a == "--") {
      if (!spec.allowDashDash) {
        error = fmt::format("`{}` does not take `--`", spec.name);
        return std::nullopt;
      }
      if (out.sawDashDash) {
        error = fmt::format("`--` given twice; `{}` takes one `--` between its two lists of files", spec.name);
        return std::nullopt;
      }
      out.sawDashDash = true;
      continue;
    }
    if (a.size() < 2 || a[0] != '-' || a == "-") {  // `-` alone means stdin
      (out.sawDashDash ? out.afterDashDash : out.positional).push_back(a);
      continue;
    }
    std::string name, value;
    bool hasInlineValue = false;
    const OptionSpec* opt = nullptr;
    if (a.rfind("--", 0) == 0) {
      name = a.substr(2);
      if (auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
        hasInlineValue = true;
      }
      opt = findLong(spec, name);
    } else if (a.size() == 2) {
      opt = findShort(spec, a[1]);
    }
    if (!opt) {
      error = fmt::format("unknown option `{}` for `{}` (a file whose name starts with `-` can be given as `./{}`)", a,
                          spec.name, a);
      return std::nullopt;
    }
    if (opt->metavar.empty()) {
      if (hasInlineValue) {
        error = fmt::format("option `--{}` takes no value", opt->name);
        return std::nullopt;
      }
    } else if (!hasInlineValue) {
      if (i + 1 >= args.size()) {
        error = fmt::format("option `--{}` needs a value ({})", opt->name, opt->metavar);
        return std::nullopt;
      }
      value = args[++i];
    }
    auto& slot = out.options[opt->name];
    if (!slot.empty() && !opt->repeatable) {
      error = fmt::format("option `--{}` given more than once", opt->name);
      return std::nullopt;
    }
    slot.push_back(value);
  }
  if (out.positional.size() < spec.minPositional) {
    error = fmt::format("`{}` needs at least {} file argument{}", spec.name, spec.minPositional,
                        spec.minPositional == 1 ? "" : "s");
    return std::nullopt;
  }
  return out;
}

std::string helpText(const CommandSpec& spec) {
  std::string out = fmt::format("{}\n\nusage: {}\n", spec.summary, spec.usage);
  if (!spec.options.empty()) out += "\noptions:\n";
  for (const OptionSpec& o : spec.options) {
    std::string left = o.shortName ? fmt::format("-{}, --{}", o.shortName, o.name) : fmt::format("    --{}", o.name);
    if (!o.metavar.empty()) left += " " + o.metavar;
    out += fmt::format("  {:<30} {}\n", left, o.help);
  }
  out += fmt::format("  {:<30} {}\n", "-h, --help", "show this help and exit");
  if (!spec.details.empty()) out += "\n" + spec.details + "\n";
  return out;
}

}  // namespace agentpol::driver
