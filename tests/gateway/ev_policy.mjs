// ev_policy.mjs — a policy for the official "everything" server: echo_bot may
// echo anything without "secret" in it; nothing else is declared.
import path from "node:path";
import { compile } from "./harness.mjs";

export const EV_POLICY = `
namespace everything_test;
entity Agent {}
action echo { message: String }
agent echo_bot { owner: "team-test", purpose: "echoes", reviewed: 2026-11-01, may: [echo] }
@id("echo-not-secret")
permit agent echo_bot to echo when !(message like "*secret*");
`;

// The same with echo forbidden outright (a bundle to swap in).
export const EV_DENY_ALL = EV_POLICY + `
@id("echo-off")
forbid agent * to echo;
`;

export const evBundle = (ws, text = EV_POLICY, name = "ev.apb") => compile(text, path.join(ws.dir, name));
