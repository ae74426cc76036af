// cmd_run.cpp — `agentpol-mcp run`: reads the options, loads the bundle(s),
// entities and context, opens the audit log and the state database, then
// hands the stdio transport a Session and returns its exit code.
#include "commands.h"

#include "core/session.h"
#include "stdio/signal_pipe.h"
#include "stdio/stdio_gateway.h"

#include "request/value_text.h"

#include <agentpol/agent_name.h>

#include <iostream>

namespace agentpol::gateway {
namespace {

struct RunConfig {
  SessionOptions session;
  PolicyPaths paths;
  std::string audit, state;
  bool audit_fsync = false;
};

// A --hold or --approval-ttl value ("0s", "90s", "15m", "1h") in milliseconds.
std::string read_duration(const ParsedArgs& a, const char* option, const char* fallback, int64_t* ms) {
  int64_t seconds = 0;
  std::string why, text = a.get(option, fallback);
  if (!request::parseDuration(text, &seconds, &why)) return std::string("--") + option + ": " + why;
  if (seconds < 0) return std::string("--") + option + ": a negative duration (`" + text + "`)";
  if (seconds > int64_t(366) * 86400) return std::string("--") + option + ": longer than a year (`" + text + "`)";
  *ms = seconds * 1000;
  return "";
}

std::string check_run_args(const ParsedArgs& a, RunConfig* c) {
  if (!a.has("bundle")) return "missing --bundle (the bundle that decides every call)";
  if (!a.has("agent")) return "missing --agent (the agent this gateway speaks for)";
  if (!a.sawDashDash || a.afterDashDash.empty()) return "missing `-- SERVER_COMMAND [ARG…]` (the MCP server to start)";
  if (!a.positional.empty()) return "unexpected argument `" + a.positional.front() + "` (the server command goes after `--`)";
  c->session.caller.agent = a.get("agent");
  if (std::string why = agent_name_problem(c->session.caller.agent); !why.empty()) return "--agent: " + why;
  if (a.has("user")) c->session.caller.user = a.get("user");
  if (c->session.caller.user && c->session.caller.user->empty()) return "--user: empty user id";
  std::string mode = a.get("mode", "enforce");
  if (mode != "enforce" && mode != "shadow") return "--mode: expected enforce or shadow, got `" + mode + "`";
  c->session.shadow_mode = mode == "shadow";
  std::string via = a.get("approve-via", "operator");
  if (via != "operator" && via != "elicitation") return "--approve-via: expected operator or elicitation, got `" + via + "`";
  c->session.approvals.via_elicitation = via == "elicitation";
  ApprovalOptions& ap = c->session.approvals;
  if (std::string why = read_duration(a, "hold", "0s", &ap.hold_ms); !why.empty()) return why;
  if (std::string why = read_duration(a, "approval-ttl", "1h", &ap.ttl_ms); !why.empty()) return why;
  if (ap.ttl_ms == 0) return "--approval-ttl: an approval must live longer than 0s";
  c->paths = {a.get("bundle"), a.get("shadow-bundle"), a.get("entities"), a.get("context")};
  c->state = a.get("state", kDefaultStateDir);
  c->audit = a.get("audit", c->state + "/audit.jsonl");
  c->audit_fsync = a.has("audit-fsync");
  return "";
}

}  // namespace

const CommandSpec& runSpec() {
  static const CommandSpec spec{
      "run",
      "agentpol-mcp run --bundle B.apb --agent AGENT [options] -- SERVER_COMMAND [ARG…]",
      "start an MCP server and stand between it and the client on stdio, deciding every tools/call",
      "The MCP client starts this command where it would start the server. Every tools/call is\n"
      "decided with the bundle and audited before it is forwarded (allow) or answered with an\n"
      "isError result (deny); an escalated call is held for a person's approval (agentpol-mcp\n"
      "approvals, or the client through elicitation) up to --hold; tools/list shows only the\n"
      "tools the agent may call; every other message is relayed unchanged. The bundle,\n"
      "entities and context files are read again when they change; revocations (agentpol-mcp\n"
      "revoke) and approvals are read on every call.\n"
      "Exit: the server's status once the client closes its input; non-zero when the server dies.",
      {
          {"bundle", 0, "FILE", "the bundle that decides (built and verified by agentpolc)"},
          {"agent", 0, "AGENT", "the agent identity every call is decided for"},
          {"user", 0, "ID", "the user the agent acts for (absent: no user)"},
          {"entities", 0, "FILE", "JSON array of {\"type\", \"id\", \"attrs\"}: the agent's, the user's and resources' attributes"},
          {"context", 0, "FILE", "JSON object: the request context (default {})"},
          {"audit", 0, "FILE", "audit log, one JSON line per call (default STATE/audit.jsonl; - for stderr)"},
          {"audit-fsync", 0, "", "fsync the audit log after every line"},
          {"state", 0, "DIR", "state directory shared with `revoke` and `approvals` (default ./agentpol-state)"},
          {"mode", 0, "MODE", "enforce (default) or shadow: decide and audit, forward as if allowed"},
          {"shadow-bundle", 0, "FILE", "also decide every call with this bundle; audited, never changes the answer"},
          {"hold", 0, "DUR", "how long an escalated call waits for approval before `held for approval ID` (default 0s)"},
          {"approve-via", 0, "HOW", "operator (default: agentpol-mcp approvals approve ID) or elicitation (ask the client)"},
          {"approval-ttl", 0, "DUR", "how long an approval can be given and used (default 1h)"},
      },
      0,
      true};
  return spec;
}

int runRun(const ParsedArgs& args) {
  RunConfig c;
  if (std::string why = check_run_args(args, &c); !why.empty()) return usage_error("run", why);
  install_signal_pipe();  // before any write: SIGPIPE and SIGXFSZ become write errors
  std::string error;
  std::unique_ptr<StateDb> state = StateDb::open(c.state, &error);
  if (!state) return failure(error);
  std::unique_ptr<FileAudit> audit = FileAudit::open(c.audit, c.audit_fsync, &error);
  if (!audit) return failure(error);
  PolicyFiles files(c.paths, c.session.caller);
  std::vector<ReloadEvent> events;
  int64_t now = wall_clock_ms();
  if (!files.load(now, &events, &error)) return failure(error);
  // A log that cannot be written now (a full disk) stops every call until it
  // can: the gateway stays up and says so to the client, call by call.
  for (const ReloadEvent& e : events)
    if (!audit->write(reload_line(now, e), &error))
      std::cerr << "agentpol-mcp: cannot write the audit log " << c.audit << ": " << error
                << " (no call is forwarded while it cannot be written)\n";
  SessionInputs in;
  in.files = &files;
  in.audit = audit.get();
  in.revoked = [&state](std::string_view agent) { return state->is_revoked(agent); };
  in.now_ms = wall_clock_ms;
  in.state = state.get();
  StdioGateway gateway(c.session, in);
  return gateway.run(args.afterDashDash);
}

}  // namespace agentpol::gateway
