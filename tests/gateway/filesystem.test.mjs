// filesystem.test.mjs — agentpol-mcp run in front of the official filesystem
// server, driven by the official SDK client: allowed calls reach the server
// and return its result; denied ones never reach it (the file is not
// written); undeclared tools and argument type errors are bad requests;
// optional arguments read by `has`; `@tool` maps tools to actions;
// tools/list is filtered; every call has one complete audit line.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { connect, compile, FILESYSTEM, workspace, calls, audit, CALL_FIELDS, text } from "./harness.mjs";
import { fsSetup } from "./fs_policy.mjs";

async function gateway(agent, opts = {}) {
  const ws = workspace();
  const s = fsSetup(ws);
  const g = await connect({ bundle: s.bundle, agent, entities: s.entities, context: s.context, ...ws, ...opts },
    FILESYSTEM(s.root));
  return { ws, s, g, c: g.client };
}

test("an allowed call reaches the server and returns its result", async () => {
  const { ws, s, g, c } = await gateway("reader");
  const r = await c.callTool({ name: "read_text_file", arguments: { path: path.join(s.root, "notes.txt"), head: 2 } });
  assert.equal(r.isError, undefined);
  assert.equal(text(r), "line one\nline two");
  const [line] = calls(ws.audit);
  assert.equal(line.decision, "allow");
  assert.deepEqual(line.rules, ["read-under-root"]);
  assert.equal(line.outcome, "forwarded");
  await g.close();
});

test("a denied call never reaches the server: the file is not written", async () => {
  const { ws, s, g, c } = await gateway("writer");
  const secret = path.join(s.root, "out", "secret.txt");
  const r = await c.callTool({ name: "write_file", arguments: { path: secret, content: "my password is hunter2" } });
  assert.equal(r.isError, true);
  assert.equal(text(r), "agentpol: denied (forbidden) by no-passwords");
  assert.deepEqual(r._meta.agentpol.rules, ["no-passwords"]);
  assert.equal(r._meta.agentpol.reason, "forbidden");
  assert.equal(fs.existsSync(secret), false);
  // The same agent's allowed write does reach it, so the absence above means something.
  const ok = path.join(s.root, "out", "ok.txt");
  const w = await c.callTool({ name: "write_file", arguments: { path: ok, content: "fine" } });
  assert.equal(w.isError, undefined, text(w));
  assert.equal(fs.readFileSync(ok, "utf8"), "fine");
  const lines = calls(ws.audit);
  assert.deepEqual(lines.map((l) => [l.decision, l.outcome]), [["deny", "blocked"], ["allow", "forwarded"]]);
  assert.equal(lines[0].audit_id, r._meta.agentpol.audit_id);
  await g.close();
});

test("a call outside the agent's scope is denied out_of_scope and not performed", async () => {
  const { s, g, c } = await gateway("reader");
  const target = path.join(s.root, "out", "x.txt");
  const r = await c.callTool({ name: "write_file", arguments: { path: target, content: "x" } });
  assert.equal(r._meta.agentpol.reason, "out_of_scope");
  assert.equal(fs.existsSync(target), false);
  await g.close();
});

test("an escalated call is held for approval (--hold 0s: answered at once), nothing forwarded", async () => {
  const { ws, s, g, c } = await gateway("writer");
  const dir = path.join(s.root, "out", "newdir");
  const r = await c.callTool({ name: "create_directory", arguments: { path: dir } });
  assert.equal(r.isError, true);
  assert.equal(r._meta.agentpol.decision, "escalate");
  assert.match(r._meta.agentpol.approval, /^ap-[0-9a-f]{20}$/);
  assert.equal(text(r), `agentpol: held for approval ${r._meta.agentpol.approval} (escalated by dirs-need-a-person); ` +
    `a person approves it with \`agentpol-mcp approvals approve ${r._meta.agentpol.approval}\`, then the same call goes through once; the call was not forwarded`);
  assert.equal(fs.existsSync(dir), false);
  const [line] = calls(ws.audit);
  assert.deepEqual([line.outcome, line.approval], ["held", r._meta.agentpol.approval]);
  await g.close();
});

test("a tool the policy does not declare is denied bad_request, action null", async () => {
  const { ws, s, g, c } = await gateway("reader");
  const r = await c.callTool({ name: "search_files", arguments: { path: s.root, pattern: "*" } });
  assert.equal(r._meta.agentpol.reason, "bad_request");
  assert.equal(text(r), 'agentpol: denied (bad_request): tool "search_files" maps to no action of the policy');
  const [line] = calls(ws.audit);
  assert.equal(line.action, null);
  assert.equal(line.tool, "search_files");
  await g.close();
});

test("arguments are read by their declared types; a wrong one is bad_request", async () => {
  const { ws, s, g, c } = await gateway("reader");
  const file = path.join(s.root, "notes.txt");
  const cases = [
    [{ path: file, head: 1.5 }, /^agentpol: denied \(bad_request\): args\.head: expected Int \(a JSON integer\), got the float 1\.5/],
    [{ path: file, head: "2" }, /^agentpol: denied \(bad_request\): args\.head: expected Int, got "2"/],
    [{ head: 1 }, /args\.path: missing \(a required argument of `read_text_file`\)/],
    [{ path: file, head: 1, mode: "fast" }, /args\.mode: unknown argument of `read_text_file`/],
  ];
  for (const [args, want] of cases) {
    const r = await c.callTool({ name: "read_text_file", arguments: args });
    assert.equal(r._meta.agentpol.reason, "bad_request", JSON.stringify(args));
    assert.match(text(r), want);
  }
  // An integral float for an Int is that integer; a non-string for a String is its JSON text.
  const r = await c.callTool({ name: "read_text_file", arguments: { path: file, head: 1.0 } });
  assert.equal(text(r), "line one");
  const p = await c.callTool({ name: "list_directory", arguments: { path: { dir: s.root } } });
  assert.equal(p._meta.agentpol.reason, "no_permit");  // {"dir":…} as text does not match the root
  assert.equal(calls(ws.audit).length, cases.length + 2);
  await g.close();
});

test("optional arguments: a call with and without them decides by `has`", async () => {
  const { ws, s, g, c } = await gateway("reader");
  const file = path.join(s.root, "notes.txt");
  const read = (args) => c.callTool({ name: "read_text_file", arguments: { path: file, ...args } });
  assert.equal(text(await read({})), "line one\nline two\nline three\n");  // neither given: the whole file
  assert.equal(text(await read({ head: 1 })), "line one");
  assert.match(text(await read({ tail: 2 })), /^line three\n?$/);
  const long = await read({ head: 101 });
  assert.equal(text(long), "agentpol: denied (forbidden) by at-most-100-lines");
  assert.equal((await read({ tail: 500 }))._meta.agentpol.rules[0], "at-most-100-lines");
  assert.deepEqual(calls(ws.audit).map((l) => l.decision), ["allow", "allow", "allow", "deny", "deny"]);
  await g.close();
});

test("@tool: an action is reached by its tool's name, never by its own when it claims another", async () => {
  const ws = workspace();
  const s = fsSetup(ws);
  const bundle = compile(`
entity Agent {}
@tool("write_file") action save { path: String, content: String }
@tool("read_file") action read_text_file { path: String, head?: Int, tail?: Int }
agent saver { owner: "t", purpose: "saves", may: [save, read_text_file] }
@id("save-out") permit agent saver to save when path like "${s.root}/out/*";
@id("read") permit agent saver to read_text_file;`, path.join(ws.dir, "tool.apb"));
  const g = await connect({ bundle, agent: "saver", ...ws }, FILESYSTEM(s.root));
  const c = g.client;
  const target = path.join(s.root, "out", "saved.txt");
  const w = await c.callTool({ name: "write_file", arguments: { path: target, content: "saved" } });
  assert.equal(w.isError, undefined, text(w));
  assert.equal(fs.readFileSync(target, "utf8"), "saved");
  const byName = await c.callTool({ name: "save", arguments: { path: path.join(s.root, "out", "x"), content: "x" } });
  assert.equal(text(byName), 'agentpol: denied (bad_request): tool "save" maps to no action of the policy');
  // The action read_text_file stands for the server's read_file: the tool read_text_file maps to nothing.
  const claimed = await c.callTool({ name: "read_text_file", arguments: { path: path.join(s.root, "notes.txt") } });
  assert.equal(claimed._meta.agentpol.reason, "bad_request");
  const r = await c.callTool({ name: "read_file", arguments: { path: path.join(s.root, "notes.txt"), head: 1 } });
  assert.equal(text(r), "line one");
  assert.deepEqual((await c.listTools()).tools.map((t) => t.name).sort(), ["read_file", "write_file"]);
  assert.deepEqual(calls(ws.audit).map((l) => [l.tool, l.action, l.decision]), [
    ["write_file", "save", "allow"], ["save", null, "deny"], ["read_text_file", null, "deny"],
    ["read_file", "read_text_file", "allow"]]);
  await g.close();
});

test("tools/list shows only the tools the agent may call", async () => {
  const { g, c } = await gateway("reader");
  const { tools } = await c.listTools();
  assert.deepEqual(tools.map((t) => t.name).sort(), ["list_directory", "read_text_file"]);
  await g.close();
  const w = await gateway("writer");
  assert.deepEqual((await w.c.listTools()).tools.map((t) => t.name).sort(),
    ["create_directory", "read_text_file", "write_file"]);
  await w.g.close();
  const stranger = await gateway("nobody");
  assert.deepEqual((await stranger.c.listTools()).tools, []);
  const r = await stranger.c.callTool({ name: "list_directory", arguments: { path: stranger.s.root } });
  assert.equal(r._meta.agentpol.reason, "unknown_agent");
  await stranger.g.close();
});

test("--user: the agent can never do what its user could not", async () => {
  const ann = await gateway("reader", { user: "ann" });
  const r = await ann.c.callTool({ name: "list_directory", arguments: { path: ann.s.root } });
  assert.equal(r.isError, undefined);
  assert.equal(calls(ann.ws.audit)[0].user, "ann");
  await ann.g.close();
  const bob = await gateway("reader", { user: "bob" });
  const d = await bob.c.callTool({ name: "list_directory", arguments: { path: bob.s.root } });
  assert.equal(d._meta.agentpol.reason, "user_no_permit");
  await bob.g.close();
});

test("each audit line is complete and names the call", async () => {
  const { ws, s, g, c } = await gateway("writer");
  await c.callTool({ name: "list_directory", arguments: { path: s.root } });
  await c.callTool({ name: "move_file", arguments: { source: "a", destination: "b" } });
  const loaded = audit(ws.audit).filter((l) => l.event);
  assert.deepEqual(loaded.map((l) => l.event).sort(), ["bundle_loaded", "context_loaded", "entities_loaded"]);
  const bundle = loaded.find((l) => l.event === "bundle_loaded").bundle;
  const cl = calls(ws.audit);
  assert.equal(cl.length, 2);
  for (const l of cl) {
    for (const f of CALL_FIELDS) assert.ok(f in l, `audit line lacks ${f}: ${JSON.stringify(l)}`);
    assert.match(l.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(l.agent, "writer");
    assert.equal(l.user, null);
    assert.equal(l.mode, "enforce");
    assert.equal(l.bundle, bundle);
  }
  assert.deepEqual(cl[0].args, { path: s.root });
  assert.deepEqual([cl[1].tool, cl[1].action, cl[1].reason], ["move_file", "move_file", "out_of_scope"]);
  await g.close();
});
