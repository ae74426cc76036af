// approvals.test.mjs — escalate means a person decides (spec section 12),
// with real parts: the official SDK client, the official filesystem and
// everything servers, the gateway's SQLite state file, and the
// `agentpol-mcp approvals` CLI as a second process at the same time. Held
// then approved while the client waits (the file appears only then),
// declined, held past --hold then approved for the next identical call
// once, other arguments and a changed bundle needing a new approval, a
// gateway killed with SIGKILL mid-hold, two gateways and the CLI racing on
// 100 escalations, and elicitation answered by an SDK client.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { GATEWAY, connect, connectAll, raw, compile, cli, FILESYSTEM, EVERYTHING, workspace, calls, text, sleep,
  initialize, toolCall } from "./harness.mjs";

const policy = (root, extra = "") => `
entity Agent {}
action read_text_file { path: String, head?: Int, tail?: Int }
action write_file { path: String, content: String }
agent writer { owner: "t", purpose: "drafts files a person approves", may: [read_text_file, write_file] }
@id("read") permit agent writer to read_text_file;
@id("writes-need-a-person") escalate agent writer to write_file when path like "${root}/*";
${extra}`;

function setup() {
  const ws = workspace();
  const root = path.join(ws.dir, "root");
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, "notes.txt"), "notes\n");
  const bundle = compile(policy(root), path.join(ws.dir, "fs.apb"));
  return { ws, root, bundle };
}

const approvals = (ws, ...args) => cli(["approvals", ...args, "--state", ws.state]);
const approvalsJson = (ws, ...args) => JSON.parse(approvals(ws, ...args, "--format", "json").stdout);

// The same command, run without waiting: several at once.
const approvalsAsync = (ws, ...args) => new Promise((resolve) =>
  execFile(GATEWAY, ["approvals", ...args, "--state", ws.state], (err, stdout, stderr) =>
    resolve({ status: err ? err.code : 0, stdout, stderr })));

async function waitPending(ws, n) {
  for (let i = 0; i < 200; ++i) {
    const list = approvalsJson(ws, "list");
    if (list.length >= n) return list;
    await sleep(50);
  }
  throw new Error(`fewer than ${n} pending approvals after 10 s`);
}

// A gateway for `writer` in front of the filesystem server with run options
// `o` (hold, ttl, …); `fn` gets the workspace, the root, the bundle and it.
async function withWriter(o, fn) {
  const { ws, root, bundle } = setup();
  const g = await connect({ bundle, agent: "writer", ...ws, ...o }, FILESYSTEM(root));
  try {
    await fn({ ws, root, bundle, g });
  } finally {
    await g.close();
  }
}

const write = (c, file, content) => c.callTool({ name: "write_file", arguments: { path: file, content } });
const sha256 = (s) => crypto.createHash("sha256").update(s).digest("hex");

test("held, then approved from the CLI while the client waits: the file appears only then; other calls go on", async () => {
  await withWriter({ hold: "30s" }, async ({ ws, root, bundle, g }) => {
    const draft = path.join(root, "draft.md");
    const held = write(g.client, draft, "draft");
    const [a] = await waitPending(ws, 1);
    assert.deepEqual([a.status, a.agent, a.user, a.tool, a.action], ["pending", "writer", null, "write_file", "write_file"]);
    assert.deepEqual(a.args, { content: "draft", path: draft });
    assert.equal(a.args_sha256, sha256(JSON.stringify({ content: "draft", path: draft })));
    assert.deepEqual([a.rules, a.reason], [["writes-need-a-person"], "escalated"]);
    assert.match(a.bundle, /^[0-9a-f]{64}$/);
    assert.equal(Date.parse(a.expires) - Date.parse(a.created), 3600 * 1000);
    // The held call blocks nothing else in its session.
    const r = await g.client.callTool({ name: "read_text_file", arguments: { path: path.join(root, "notes.txt") } });
    assert.equal(text(r), "notes\n");
    await sleep(300);
    assert.equal(fs.existsSync(draft), false);
    const out = approvals(ws, "approve", a.id, "--by", "ann", "--note", "looks fine", "--format", "json");
    assert.equal(out.status, 0, out.stderr);
    const decided = JSON.parse(out.stdout);
    assert.deepEqual([decided.id, decided.status, decided.decided_by, decided.note], [a.id, "approved", "ann", "looks fine"]);
    const w = await held;
    assert.equal(w.isError, undefined, text(w));
    assert.equal(fs.readFileSync(draft, "utf8"), "draft");
    const lines = calls(ws.audit);
    assert.deepEqual(lines.map((l) => [l.tool, l.outcome]), [["read_text_file", "forwarded"], ["write_file", "approved"]]);
    assert.deepEqual([lines[1].decision, lines[1].approval, lines[1].approver], ["escalate", a.id, "ann"]);
    assert.equal(approvalsJson(ws, "show", a.id).status, "used");
    const again = approvals(ws, "approve", a.id);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /is already used/);
    assert.deepEqual(approvalsJson(ws, "list"), []);
  });
});

test("declined: the client gets an isError result naming who declined, and the file never appears", async () => {
  await withWriter({ hold: "30s" }, async ({ ws, root, bundle, g }) => {
    const draft = path.join(root, "draft.md");
    const held = write(g.client, draft, "draft");
    const [a] = await waitPending(ws, 1);
    assert.equal(approvals(ws, "deny", a.id, "--by", "bob", "--note", "not now").status, 0);
    const w = await held;
    assert.equal(w.isError, true);
    assert.equal(text(w), `agentpol: declined by bob (approval ${a.id}): not now`);
    assert.equal(w._meta.agentpol.approval, a.id);
    await sleep(300);
    assert.equal(fs.existsSync(draft), false);
    const [line] = calls(ws.audit);
    assert.deepEqual([line.outcome, line.approval, line.approver], ["declined", a.id, "bob"]);
    const shown = approvalsJson(ws, "show", a.id);
    assert.deepEqual([shown.status, shown.decided_by, shown.note], ["denied", "bob", "not now"]);
    assert.match(shown.decided_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(approvals(ws, "approve", a.id).status, 1);
    assert.equal(approvalsJson(ws, "show", a.id).status, "denied");
  });
});

test("held past --hold, approved later: the identical call goes through once; other arguments and a new bundle need a new approval", async () => {
  await withWriter({}, async /* --hold 0s */ ({ ws, root, bundle, g }) => {
    const draft = path.join(root, "draft.md");
    const r1 = await write(g.client, draft, "v1");
    const id1 = r1._meta.agentpol.approval;
    assert.match(text(r1), new RegExp(`^agentpol: held for approval ${id1} `));
    assert.equal(approvals(ws, "approve", id1).status, 0);
    const other = await write(g.client, draft, "v2");  // other arguments: not approved
    assert.equal(other.isError, true);
    assert.notEqual(other._meta.agentpol.approval, id1);
    assert.equal(fs.existsSync(draft), false);
    const r2 = await write(g.client, draft, "v1");
    assert.equal(r2.isError, undefined, text(r2));
    assert.equal(fs.readFileSync(draft, "utf8"), "v1");
    const r3 = await write(g.client, draft, "v1");  // once only
    assert.equal(r3.isError, true);
    const id3 = r3._meta.agentpol.approval;
    assert.ok(id3 && id3 !== id1);
    assert.deepEqual(calls(ws.audit).map((l) => [l.outcome, l.approval]),
      [["held", id1], ["held", other._meta.agentpol.approval], ["approved", id1], ["held", id3]]);

    // An approval for one bundle does not carry over to another.
    const second = path.join(root, "second.md");
    const id4 = (await write(g.client, second, "x"))._meta.agentpol.approval;
    assert.equal(approvals(ws, "approve", id4).status, 0);
    const next = path.join(ws.dir, "next.apb");
    compile(policy(root, '@id("extra") forbid agent writer to read_text_file when path == "/nowhere";'), next);
    fs.renameSync(next, bundle);
    await sleep(1500);
    const r5 = await write(g.client, second, "x");
    assert.equal(r5.isError, true, "an approval given under the old bundle let the call through");
    assert.notEqual(r5._meta.agentpol.approval, id4);
    assert.equal(fs.existsSync(second), false);
    assert.equal(approvalsJson(ws, "show", id4).status, "approved");  // still unused
    const bundles = new Set(approvalsJson(ws, "list", "--all").map((a) => a.bundle));
    assert.equal(bundles.size, 2);
  });
});

test("an approval expires: after --approval-ttl it can be neither given nor used", async () => {
  await withWriter({ ttl: "1s" }, async ({ ws, root, bundle, g }) => {
    const draft = path.join(root, "draft.md");
    const late = (await write(g.client, draft, "late"))._meta.agentpol.approval;
    const used = (await write(g.client, draft, "used"))._meta.agentpol.approval;
    assert.equal(approvals(ws, "approve", used).status, 0);
    await sleep(1200);
    const r = approvals(ws, "approve", late);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /expired at .*; nothing changed/);
    assert.equal(approvalsJson(ws, "show", late).status, "expired");
    assert.equal(approvalsJson(ws, "show", used).status, "expired");
    const w = await write(g.client, draft, "used");
    assert.equal(w.isError, true);
    assert.equal(fs.existsSync(draft), false);
  });
});

test("a held call the client cancels ends there: not forwarded, audited held, its approval still pending", async () => {
  await withWriter({ hold: "30s" }, async ({ ws, root, g }) => {
    const draft = path.join(root, "draft.md");
    const abort = new AbortController();
    const held = g.client.callTool({ name: "write_file", arguments: { path: draft, content: "x" } }, undefined,
      { signal: abort.signal });
    const [a] = await waitPending(ws, 1);
    abort.abort("the user changed their mind");
    await assert.rejects(held);
    for (let i = 0; i < 100 && !calls(ws.audit).length; ++i) await sleep(20);
    const [line] = calls(ws.audit);
    assert.deepEqual([line.outcome, line.approval], ["held", a.id]);
    assert.equal(approvals(ws, "approve", a.id).status, 0);
    await sleep(300);
    assert.equal(fs.existsSync(draft), false);
    const again = await write(g.client, draft, "x");  // the identical call, now approved
    assert.equal(again.isError, undefined, text(again));
    assert.equal(fs.readFileSync(draft, "utf8"), "x");
  });
});

test("the CLI: unknown ids exit 1 and change nothing, usage errors exit 2, text output", async () => {
  const { ws } = setup();
  const unknown = approvals(ws, "approve", "ap-00000000000000000000");
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /no approval ap-0+; nothing changed/);
  assert.equal(approvals(ws, "deny", "nope").status, 1);
  assert.equal(approvals(ws, "show", "nope").status, 1);
  assert.equal(approvals(ws, "list").stdout, "no pending approvals\n");
  assert.deepEqual(approvalsJson(ws, "list", "--all"), []);
  assert.equal(approvals(ws, "frobnicate").status, 2);
  assert.match(approvals(ws).stderr, /expected list, show ID, approve ID or deny ID/);
  assert.equal(approvals(ws, "approve").status, 2);
  assert.equal(approvals(ws, "list", "--format", "yaml").status, 2);
  assert.equal(cli(["run", "--bundle", "b", "--agent", "a", "--hold", "soon", "--", "x"]).status, 2);
  assert.equal(cli(["run", "--bundle", "b", "--agent", "a", "--approve-via", "email", "--", "x"]).status, 2);
});

test("SIGKILL mid-hold: the pending approval survives, is approved, and the restarted gateway lets the call through", async () => {
  const { ws, root, bundle } = setup();
  const draft = path.join(root, "draft.md");
  const g = raw({ bundle, agent: "writer", ...ws, hold: "60s" }, FILESYSTEM(root));
  g.send(initialize(0));
  await g.response(0);
  g.send({ jsonrpc: "2.0", method: "notifications/initialized" });
  g.send(toolCall(1, "write_file", { path: draft, content: "survives" }));
  const [a] = await waitPending(ws, 1);
  g.child.kill("SIGKILL");
  assert.equal((await g.exited).signal, "SIGKILL");
  const [still] = approvalsJson(ws, "list");
  assert.deepEqual([still.id, still.status], [a.id, "pending"]);
  assert.equal(approvals(ws, "approve", a.id, "--by", "ann").status, 0);
  assert.equal(fs.existsSync(draft), false);
  const again = await connect({ bundle, agent: "writer", ...ws }, FILESYSTEM(root));
  try {
    const w = await write(again.client, draft, "survives");
    assert.equal(w.isError, undefined, text(w));
    assert.equal(fs.readFileSync(draft, "utf8"), "survives");
    const line = calls(ws.audit).at(-1);
    assert.deepEqual([line.outcome, line.approval, line.approver], ["approved", a.id, "ann"]);
  } finally {
    await again.close();
  }
});

const EV_ESCALATE = `
entity Agent {}
action echo { message: String }
agent bot { owner: "t", purpose: "echoes after approval", may: [echo] }
@id("echo-needs-a-person") escalate agent bot to echo;
`;

test("two gateways and the CLI on one state directory: 100 escalations, none lost, none used twice", async () => {
  const ws = workspace();
  const bundle = compile(EV_ESCALATE, path.join(ws.dir, "ev.apb"));
  const auditA = path.join(ws.dir, "a.jsonl"), auditB = path.join(ws.dir, "b.jsonl");
  const [ga, gb] = await connectAll([
    [{ bundle, agent: "bot", ...ws, audit: auditA }, EVERYTHING()],
    [{ bundle, agent: "bot", ...ws, audit: auditB }, EVERYTHING()],
  ]);
  try {
    const n = 100;
    const msgs = Array.from({ length: n }, (_, i) => `m${i}`);
    const echo = (g, m) => g.client.callTool({ name: "echo", arguments: { message: m } });
    // 100 escalations at once, half through each gateway, while the CLI approves what it sees.
    const approved = new Set();
    let escalating = true;
    const approver = (async () => {
      while (escalating || approved.size < n) {
        const pending = approvalsJson(ws, "list").filter((a) => !approved.has(a.id));
        const results = await Promise.all(pending.map((a) => approvalsAsync(ws, "approve", a.id)));
        results.forEach((r, i) => { assert.equal(r.status, 0, r.stderr); approved.add(pending[i].id); });
        if (!pending.length) await sleep(20);
      }
    })();
    const first = await Promise.all(msgs.map((m, i) => echo(i % 2 ? gb : ga, m)));
    escalating = false;
    await approver;
    const ids = first.map((r) => r._meta.agentpol.approval);
    assert.equal(new Set(ids).size, n);
    assert.deepEqual([...approved].sort(), [...ids].sort());
    // Both gateways now make every one of the 100 calls: each approval lets exactly one through.
    const [fromA, fromB] = await Promise.all([ga, gb].map((g) => Promise.all(msgs.map((m) => echo(g, m)))));
    for (let i = 0; i < n; ++i) {
      const through = [fromA[i], fromB[i]].filter((r) => !r.isError);
      assert.equal(through.length, 1, `message ${msgs[i]}: ${through.length} calls went through`);
      assert.equal(text(through[0]), `Echo: ${msgs[i]}`);
    }
    const all = approvalsJson(ws, "list", "--all");
    assert.equal(all.filter((a) => a.status === "used").length, n);
    assert.equal(all.filter((a) => a.status === "pending").length, n);
    const lines = [...calls(auditA), ...calls(auditB)];
    assert.equal(lines.length, 3 * n);
    const usedIds = lines.filter((l) => l.outcome === "approved").map((l) => l.approval);
    assert.deepEqual(usedIds.sort(), [...ids].sort());
    // Two approvals of one id at once: exactly one wins.
    const one = all.find((a) => a.status === "pending");
    const race = await Promise.all([approvalsAsync(ws, "approve", one.id), approvalsAsync(ws, "approve", one.id)]);
    assert.deepEqual(race.map((r) => r.status).sort(), [0, 1]);
  } finally {
    await Promise.all([ga.close(), gb.close()]);
  }
});

// An SDK client that declares elicitation and answers by the message being echoed.
async function elicitingClient(ws, bundle, answers, seen) {
  return connect({ bundle, agent: "bot", ...ws, approveVia: "elicitation" }, EVERYTHING(),
    { capabilities: { elicitation: {} } },
    (client) => client.setRequestHandler(ElicitRequestSchema, async (req) => {
      seen.push(req.params);
      const m = /with (\{.*?\}); escalated/.exec(req.params.message);
      return answers[JSON.parse(m[1]).message];
    }));
}

test("elicitation: accepted, declined and cancelled by an SDK client that answers elicitation/create", async () => {
  const ws = workspace();
  const bundle = compile(EV_ESCALATE, path.join(ws.dir, "ev.apb"));
  const seen = [];
  const answers = {
    yes: { action: "accept", content: { approve: true } },
    no: { action: "accept", content: { approve: false } },
    decline: { action: "decline" },
    cancel: { action: "cancel" },
  };
  const g = await elicitingClient(ws, bundle, answers, seen);
  try {
    const echo = (m) => g.client.callTool({ name: "echo", arguments: { message: m } });
    const yes = await echo("yes");
    assert.equal(yes.isError, undefined, text(yes));
    assert.equal(text(yes), "Echo: yes");
    for (const m of ["no", "decline", "cancel"]) {
      const r = await echo(m);
      assert.equal(r.isError, true, m);
      assert.match(text(r), new RegExp(`^agentpol: declined by client \\(approval ${r._meta.agentpol.approval}\\)`));
    }
    assert.equal(seen.length, 4);
    const p = seen[0];
    assert.equal(p.mode, "form");
    assert.match(p.message, /agent bot asks to call echo with \{"message":"yes"\}; escalated by echo-needs-a-person/);
    assert.deepEqual(p.requestedSchema.properties.approve.type, "boolean");
    assert.deepEqual(p.requestedSchema.required, ["approve"]);
    const lines = calls(ws.audit);
    assert.deepEqual(lines.map((l) => [l.args.message, l.outcome, l.approver]),
      [["yes", "approved", "client"], ["no", "declined", "client"], ["decline", "declined", "client"],
        ["cancel", "declined", "client"]]);
    const byMessage = Object.fromEntries(approvalsJson(ws, "list", "--all").map((a) => [a.args.message, a]));
    assert.deepEqual([byMessage.yes.status, byMessage.yes.decided_by], ["used", "client"]);
    assert.equal(byMessage.cancel.status, "denied");
    assert.match(byMessage.cancel.note, /cancel/);
  } finally {
    await g.close();
  }
});

test("elicitation: a client without the capability falls back to the operator", async () => {
  const ws = workspace();
  const bundle = compile(EV_ESCALATE, path.join(ws.dir, "ev.apb"));
  const g = await connect({ bundle, agent: "bot", ...ws, approveVia: "elicitation" }, EVERYTHING());
  try {
    const r = await g.client.callTool({ name: "echo", arguments: { message: "hi" } });
    assert.match(text(r), /^agentpol: held for approval ap-/);
    const [a] = approvalsJson(ws, "list");
    assert.equal(a.id, r._meta.agentpol.approval);
    assert.equal(approvals(ws, "approve", a.id).status, 0);
    assert.equal(text(await g.client.callTool({ name: "echo", arguments: { message: "hi" } })), "Echo: hi");
  } finally {
    await g.close();
  }
});
