// bench_latency.mjs — what the gateway adds to a tools/call: server-everything's
// echo called N times directly and N times through `agentpol-mcp run`, in
// alternating rounds in the same run, with the official SDK client; prints
// p50/p99 of each path and the difference, and the gateway's own CPU time
// per call (from /proc, steadier than wall time on a shared machine).
// Usage (from build/tests/gateway/e2e after the tests' npm ci):
//   AGENTPOL_MCP=… AGENTPOLC=… node bench_latency.mjs [calls=2000]
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import fs from "node:fs";
import { EVERYTHING, GATEWAY, runArgs, workspace } from "./harness.mjs";
import { evBundle } from "./ev_policy.mjs";

const N = Number(process.argv[2] ?? 2000);
const ROUND = 100;

async function open(command, args) {
  const transport = new StdioClientTransport({ command, args, stderr: "ignore" });
  const client = new Client({ name: "bench", version: "1" });
  await client.connect(transport);
  return { client, transport };
}

async function timeCalls(client, n, into) {
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await client.callTool({ name: "echo", arguments: { message: `m${i}` } });
    into.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
}

function cpuMicros(pid) {
  const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(f[11]) + Number(f[12])) * (1e6 / 100);  // utime + stime, USER_HZ = 100
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const ws = workspace();
const [cmd, ...args] = EVERYTHING();
const direct = await open(cmd, args);
const gated = await open(GATEWAY, runArgs({ bundle: evBundle(ws), agent: "echo_bot", ...ws }, EVERYTHING()));
const d = [], g = [];
await timeCalls(direct.client, 200, []);  // warm both up
await timeCalls(gated.client, 200, []);
const cpu0 = cpuMicros(gated.transport.pid);
for (let done = 0; done < N; done += ROUND) {
  await timeCalls(direct.client, ROUND, d);
  await timeCalls(gated.client, ROUND, g);
}
const cpu = (cpuMicros(gated.transport.pid) - cpu0) / N;
await direct.client.close();
await gated.client.close();
const row = (name, xs) => `${name.padEnd(16)} p50 ${pct(xs, 50).toFixed(0).padStart(6)} µs   p99 ${pct(xs, 99).toFixed(0).padStart(6)} µs`;
console.log(`${N} echo calls per path, in rounds of ${ROUND}, load average ${fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
console.log(row("direct", d));
console.log(row("through gateway", g));
console.log(`added            p50 ${(pct(g, 50) - pct(d, 50)).toFixed(0).padStart(6)} µs   p99 ${(pct(g, 99) - pct(d, 99)).toFixed(0).padStart(6)} µs`);
console.log(`gateway CPU per call (user + system, /proc): ${cpu.toFixed(1)} µs (10 ms clock ticks over ${N} calls)`);
