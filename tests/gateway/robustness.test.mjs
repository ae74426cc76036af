// robustness.test.mjs — what an SDK client would never send, and failures
// around the gateway, on raw pipes: malformed JSON, non-objects, duplicate
// keys, batches the protocol does not allow, a huge message, an audit log on
// a full disk, a server that crashes mid-call, a client that disconnects.
// None may crash the gateway or let a call through undecided.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { raw, EVERYTHING, FILESYSTEM, workspace, calls, initialize, toolCall, sleep, cli } from "./harness.mjs";
import { evBundle } from "./ev_policy.mjs";
import { fsSetup } from "./fs_policy.mjs";

async function started(opts, server) {
  const g = raw(opts, server);
  g.send(initialize(0));
  const init = await g.response(0);
  assert.ok(init.result, JSON.stringify(init));
  g.send({ jsonrpc: "2.0", method: "notifications/initialized" });
  return g;
}

async function stop(g) {
  g.child.stdin.end();
  return g.exited;
}

test("malformed client messages get JSON-RPC errors, never reach the server, and the gateway goes on", async () => {
  const ws = workspace();
  const g = await started({ bundle: evBundle(ws), agent: "echo_bot", ...ws }, EVERYTHING());
  const bad = [
    ['{"jsonrpc":"2.0","id":1,"method":"tools/call",', -32700, null],
    ["not json at all", -32700, null],
    ["42", -32600, null],
    ['{"jsonrpc":"2.0","id":{"x":1},"method":"tools/list"}', -32600, null],
    ['{"id":3,"method":"tools/call","params":{"name":"echo","arguments":{"message":"x"}}}', -32600, 3],
    ['{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"echo","arguments":{"message":"ok","message":"secret"}}}', -32700, null],
    ['[{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"echo","arguments":{"message":"x"}}}]', -32600, null],
    ["[".repeat(200) + "]".repeat(200), -32700, null],
  ];
  for (const [line, code, id] of bad) {
    g.send(line);
    const m = await g.response(id);
    assert.equal(m.error?.code, code, `${line.slice(0, 80)} -> ${JSON.stringify(m)}`);
  }
  // A tools/call with malformed params is decided (bad_request) and audited.
  g.send({ jsonrpc: "2.0", id: 6, method: "tools/call", params: { arguments: {} } });
  const noName = await g.response(6);
  assert.equal(noName.result._meta.agentpol.reason, "bad_request");
  g.send(toolCall(7, "echo", { message: "still here" }));
  assert.equal((await g.response(7)).result.content[0].text, "Echo: still here");
  assert.equal((await stop(g)).code, 0);
  assert.deepEqual(calls(ws.audit).map((l) => [l.tool, l.reason]), [[null, "bad_request"], ["echo", "permitted"]]);
});

test("a message over 16 MiB is refused whole, and the next one works", async () => {
  const ws = workspace();
  const g = await started({ bundle: evBundle(ws), agent: "echo_bot", ...ws }, EVERYTHING());
  const huge = JSON.stringify(toolCall(1, "echo", { message: "x".repeat(17 << 20) }));
  g.send(huge);
  const m = await g.response(null);
  assert.equal(m.error.code, -32600);
  assert.match(m.error.message, /longer than 16777216 bytes/);
  g.send(toolCall(2, "echo", { message: "small" }));
  assert.equal((await g.response(2)).result.content[0].text, "Echo: small");
  await stop(g);
  assert.equal(calls(ws.audit).length, 1);  // the huge one was never decided, never forwarded
});

test("an audit log on a full disk stops every call (no audit, no action); the gateway stays up", async () => {
  const ws = workspace();
  const s = fsSetup(ws);
  const g = await started({ bundle: s.bundle, agent: "writer", entities: s.entities, context: s.context, ...ws, audit: "/dev/full" },
    FILESYSTEM(s.root));
  const file = path.join(s.root, "out", "allowed.txt");
  for (const id of [1, 2]) {
    g.send(toolCall(id, "write_file", { path: file, content: "fine" }));
    const r = (await g.response(id)).result;
    assert.equal(r.isError, true);
    assert.match(r.content[0].text, /^agentpol: the audit log is unavailable \(No space left on device\); the call was not forwarded/);
    assert.equal(r._meta.agentpol.error, "audit_unavailable");
    assert.equal(r._meta.agentpol.decision, "allow");  // allowed, and still not forwarded
  }
  assert.equal(fs.existsSync(file), false);
  assert.equal((await stop(g)).code, 0);
  assert.match(g.stderr(), /cannot write the audit log \/dev\/full: No space left on device/);
});

test("a server that crashes mid-call: the waiting call gets an error, the gateway exits non-zero", async () => {
  const ws = workspace();
  // Shadow mode forwards the long-running tool, which this policy does not declare.
  const g = await started({ bundle: evBundle(ws), agent: "echo_bot", mode: "shadow", ...ws }, EVERYTHING());
  g.send(toolCall(1, "trigger-long-running-operation", { duration: 30, steps: 1 }));
  await sleep(500);
  const children = fs.readFileSync(`/proc/${g.child.pid}/task/${g.child.pid}/children`, "utf8").trim().split(/\s+/);
  assert.equal(children.length, 1);
  process.kill(Number(children[0]), "SIGKILL");
  const m = await g.response(1);
  assert.equal(m.error.code, -32603);
  assert.match(m.error.message, /the MCP server exited before answering/);
  const { code } = await g.exited;
  assert.notEqual(code, 0);
  assert.equal(calls(ws.audit).length, 1);
});

test("a client that disconnects mid-call: the gateway closes the server's input and exits with its status", async () => {
  const ws = workspace();
  const g = await started({ bundle: evBundle(ws), agent: "echo_bot", ...ws }, EVERYTHING());
  g.send(toolCall(1, "echo", { message: "bye" }));
  g.send(toolCall(2, "echo", { message: "a secret" }));
  g.child.stdin.end();
  g.child.stdout.destroy();  // nobody reads the answers any more
  const { code } = await g.exited;
  assert.equal(code, 0);
  assert.deepEqual(calls(ws.audit).map((l) => l.reason), ["permitted", "no_permit"]);
});

test("start-up failures: a bad bundle exits 1, a server that cannot start exits 127, usage errors exit 2", () => {
  const ws = workspace();
  fs.writeFileSync(path.join(ws.dir, "bad.apb"), "garbage");
  const bad = cli(["run", "--bundle", path.join(ws.dir, "bad.apb"), "--agent", "a", "--state", ws.state, "--", "true"]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /not a valid bundle/);
  const missing = cli(["run", "--bundle", evBundle(ws), "--agent", "a", "--state", ws.state, "--", "/nonexistent/server"]);
  assert.equal(missing.status, 127);
  assert.match(missing.stderr, /cannot start \/nonexistent\/server/);
  assert.equal(cli(["run", "--agent", "a", "--", "true"]).status, 2);
  assert.equal(cli(["run", "--bundle", "b", "--agent", "a"]).status, 2);
  assert.equal(cli(["run", "--bundle", "b", "--agent", "a", "--mode", "loud", "--", "x"]).status, 2);
  assert.equal(cli(["frobnicate"]).status, 2);
  assert.equal(cli(["run", "--help"]).status, 0);
});
