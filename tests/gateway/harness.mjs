// harness.mjs — shared by the gateway's end-to-end tests: compiling policies
// with agentpolc, starting `agentpol-mcp run` in front of the official MCP
// servers through the SDK's Client + StdioClientTransport (or on raw pipes,
// for what an SDK client would never send), and reading the audit log.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);
export const GATEWAY = process.env.AGENTPOL_MCP;
export const AGENTPOLC = process.env.AGENTPOLC;
export const SOURCE_DIR = process.env.AGENTPOL_SOURCE_DIR;
if (!GATEWAY || !AGENTPOLC) throw new Error("AGENTPOL_MCP and AGENTPOLC must name the built binaries");

const serverMain = (pkg) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), "dist", "index.js");
export const FILESYSTEM = (root) => [process.execPath, serverMain("@modelcontextprotocol/server-filesystem"), root];
export const EVERYTHING = () => [process.execPath, serverMain("@modelcontextprotocol/server-everything"), "stdio"];

export function tmpdir(prefix = "agentpol-gw-") {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

// Compiles policy text (or files) to a bundle at `out`; returns `out`.
export function compile(policy, out) {
  const inputs = [];
  if (typeof policy === "string") {
    const src = out.replace(/\.apb$/, "") + ".agentpol";
    fs.writeFileSync(src, policy);
    inputs.push(src);
  } else {
    inputs.push(...policy);
  }
  execFileSync(AGENTPOLC, ["build", ...inputs, "-o", out], { stdio: ["ignore", "ignore", "inherit"] });
  return out;
}

// The run options for a gateway: {bundle, agent, user, entities, context, audit, state, mode, shadow,
// hold, approveVia, ttl}.
export function runArgs(o, server) {
  const args = ["run", "--bundle", o.bundle, "--agent", o.agent, "--state", o.state, "--audit", o.audit];
  if (o.user) args.push("--user", o.user);
  if (o.entities) args.push("--entities", o.entities);
  if (o.context) args.push("--context", o.context);
  if (o.mode) args.push("--mode", o.mode);
  if (o.shadow) args.push("--shadow-bundle", o.shadow);
  if (o.hold) args.push("--hold", o.hold);
  if (o.approveVia) args.push("--approve-via", o.approveVia);
  if (o.ttl) args.push("--approval-ttl", o.ttl);
  return [...args, "--", ...server];
}

// The SDK client connected through the gateway; close() ends both.
// `clientOptions` go to the SDK's Client (capabilities); `setup(client)` runs
// before connecting (request handlers).
export async function connect(o, server, clientOptions = undefined, setup = undefined) {
  const transport = new StdioClientTransport({ command: GATEWAY, args: runArgs(o, server), stderr: "pipe" });
  let stderr = "";
  transport.stderr?.on("data", (d) => (stderr += d));
  const client = new Client({ name: "agentpol-gateway-tests", version: "1.0.0" }, clientOptions);
  if (setup) setup(client);
  try {
    await client.connect(transport);
  } catch (e) {
    await client.close().catch(() => {});
    e.message += `; the gateway's stderr: ${stderr.trim() || "(empty)"}`;
    throw e;
  }
  return { client, transport, stderr: () => stderr, close: () => client.close() };
}

// Several gateways at once; if one fails to start, the others are closed
// before the error goes on (so a failed test does not leave them running).
export async function connectAll(list) {
  const settled = await Promise.allSettled(list.map(([o, server]) => connect(o, server)));
  const failed = settled.find((r) => r.status === "rejected");
  if (!failed) return settled.map((r) => r.value);
  await Promise.all(settled.filter((r) => r.status === "fulfilled").map((r) => r.value.close()));
  throw failed.reason;
}

// The gateway on raw pipes: send(obj|string) writes one line; next() waits for the next message.
export function raw(o, server) {
  const child = spawn(GATEWAY, runArgs(o, server), { stdio: ["pipe", "pipe", "pipe"] });
  let buf = "", stderr = "";
  const messages = [], waiters = [];
  child.stdout.on("data", (d) => {
    buf += d;
    let nl;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!line.trim()) continue;
      const msg = JSON.parse(line);
      if (waiters.length) waiters.shift()(msg);
      else messages.push(msg);
    }
  });
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise((resolve) => child.on("close", (code, signal) => {
    // Whoever still waits for a message will not get one: fail them with what the gateway said.
    for (const w of waiters.splice(0)) w(Promise.reject(new Error(`gateway exited (${code ?? signal}): ${stderr}`)));
    resolve({ code, signal });
  }));
  return {
    child,
    exited,
    stderr: () => stderr,
    send: (m) => child.stdin.write((typeof m === "string" ? m : JSON.stringify(m)) + "\n"),
    next: () => (messages.length ? Promise.resolve(messages.shift()) : new Promise((r) => waiters.push(r))),
    // Waits for the response to request `id`, skipping other messages.
    async response(id) {
      for (;;) {
        const m = await this.next();
        if (m.id === id && !m.method) return m;
      }
    },
  };
}

export const initialize = (id = 0) => ({
  jsonrpc: "2.0",
  id,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw-test", version: "1" } },
});

export const toolCall = (id, name, args) => ({
  jsonrpc: "2.0",
  id,
  method: "tools/call",
  params: { name, arguments: args },
});

// Every audit line, parsed; calls() keeps the tools/call lines.
export function audit(file) {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
}
export const calls = (file) => audit(file).filter((l) => !l.event);

export const CALL_FIELDS = ["time", "audit_id", "agent", "user", "tool", "action", "args", "decision",
  "reason", "rules", "bundle", "mode", "outcome"];

export const text = (result) => result.content.map((c) => c.text).join("");
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A fresh directory with a state dir and an audit path.
export function workspace() {
  const dir = tmpdir();
  return { dir, state: path.join(dir, "state"), audit: path.join(dir, "audit.jsonl") };
}

// Runs agentpol-mcp with arguments; {status, stdout, stderr}.
export function cli(args) {
  try {
    const stdout = execFileSync(GATEWAY, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { status: 0, stdout, stderr: "" };
  } catch (e) {
    return { status: e.status, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}
