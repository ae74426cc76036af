// bench_approvals.mjs — what approvals cost per tools/call, with the
// official SDK client through `agentpol-mcp run` in front of
// server-everything's echo, in one run: an allowed call (no database
// write), an escalated call answered `held for approval ID` (--hold 0s: a
// pending approval committed to the state database, WAL with
// synchronous=FULL), and an escalated call let through by an approval given
// beforehand (found, marked used, forwarded). Prints p50/p99 of each.
// Usage (from build/tests/gateway/e2e after the tests' npm ci):
//   AGENTPOL_MCP=… AGENTPOLC=… node bench_approvals.mjs [calls=500]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { EVERYTHING, compile, connect, workspace } from "./harness.mjs";

const N = Number(process.argv[2] ?? 500);
const ws = workspace();
const bundle = compile(`
entity Agent {}
action echo { message: String }
agent bot { owner: "t", purpose: "bench", may: [echo] }
@id("ok") permit agent bot to echo when message like "allow-*";
@id("person") escalate agent bot to echo when !(message like "allow-*");
`, path.join(ws.dir, "bench.apb"));
const g = await connect({ bundle, agent: "bot", ...ws }, EVERYTHING());

async function timed(prefix, check) {
  const us = [];
  for (let i = 0; i < N; i++) {
    const t0 = process.hrtime.bigint();
    const r = await g.client.callTool({ name: "echo", arguments: { message: `${prefix}${i}` } });
    us.push(Number(process.hrtime.bigint() - t0) / 1000);
    check(r);
  }
  return us;
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const row = (name, xs) => `${name.padEnd(34)} p50 ${pct(xs, 50).toFixed(0).padStart(6)} µs   p99 ${pct(xs, 99).toFixed(0).padStart(6)} µs`;

await timed("allow-warm-", () => {});
const allowed = await timed("allow-", (r) => { if (r.isError) throw new Error("allowed call refused"); });
const held = await timed("esc-", (r) => { if (!r._meta?.agentpol?.approval) throw new Error("not held"); });
// Approve every pending one at once (the CLI would start N processes).
execFileSync("sqlite3", [path.join(ws.state, "state.db"),
  "UPDATE approvals SET status = 'approved', decided_by = 'bench', decided_ms = 0 WHERE status = 'pending'"]);
const approved = await timed("esc-", (r) => { if (r.isError) throw new Error("approved call refused"); });
await g.close();
console.log(`${N} calls per kind, load average ${fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
console.log(row("allowed (no database write)", allowed));
console.log(row("escalated, answered held", held));
console.log(row("escalated, let through by approval", approved));
