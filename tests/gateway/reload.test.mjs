// reload.test.mjs — what changes under a running gateway: a revocation takes
// effect on the agent's next call (and hides its tools), a bundle replaced
// by a valid one takes effect, one replaced by garbage is refused and the
// old stays, and an entities file that does not fit is refused.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { connect, EVERYTHING, FILESYSTEM, workspace, calls, audit, cli, sleep, text, compile } from "./harness.mjs";
import { evBundle, EV_POLICY, EV_DENY_ALL } from "./ev_policy.mjs";
import { fsSetup } from "./fs_policy.mjs";

const echo = (c, message = "hello") => c.callTool({ name: "echo", arguments: { message } });

// Replaces `file` by `bytes` the way deployments do (write aside, rename),
// then waits past the gateway's 1 s settling time.
async function replace(file, bytes) {
  fs.writeFileSync(file + ".new", bytes);
  fs.renameSync(file + ".new", file);
  await sleep(1300);
}

test("revoke takes effect on the next call; unrevoke lifts it", async () => {
  const ws = workspace();
  const g = await connect({ bundle: evBundle(ws), agent: "echo_bot", ...ws }, EVERYTHING());
  assert.equal(text(await echo(g.client)), "Echo: hello");
  const r = cli(["revoke", "echo_bot", "--state", ws.state, "--by", "tester", "--note", "incident 7"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^revoked echo_bot at .* by tester/);
  const denied = await echo(g.client);
  assert.equal(denied._meta.agentpol.reason, "revoked");
  assert.deepEqual((await g.client.listTools()).tools, []);
  assert.equal(cli(["revoke", "echo_bot", "--state", ws.state]).status, 0);  // already revoked: still 0
  assert.equal(cli(["unrevoke", "echo_bot", "--state", ws.state]).status, 0);
  assert.equal(cli(["unrevoke", "echo_bot", "--state", ws.state]).status, 1);  // not revoked: nothing changed
  assert.equal(text(await echo(g.client)), "Echo: hello");
  await g.close();
  assert.deepEqual(calls(ws.audit).map((l) => l.reason), ["permitted", "revoked", "permitted"]);
});

test("a revocation reaches every gateway sharing the state directory", async () => {
  const ws = workspace();
  const bundle = evBundle(ws);
  const a = await connect({ bundle, agent: "echo_bot", ...ws }, EVERYTHING());
  const b = await connect({ bundle, agent: "echo_bot", ...ws, audit: ws.audit + ".b" }, EVERYTHING());
  assert.equal(cli(["revoke", "echo_bot", "--state", ws.state]).status, 0);
  assert.equal((await echo(a.client))._meta.agentpol.reason, "revoked");
  assert.equal((await echo(b.client))._meta.agentpol.reason, "revoked");
  await a.close();
  await b.close();
});

test("a bundle replaced by a valid one takes effect; by garbage it is refused and the old stays", async () => {
  const ws = workspace();
  const bundle = evBundle(ws);
  const g = await connect({ bundle, agent: "echo_bot", ...ws }, EVERYTHING());
  assert.equal(text(await echo(g.client)), "Echo: hello");
  const first = audit(ws.audit).find((l) => l.event === "bundle_loaded").bundle;

  await replace(bundle, fs.readFileSync(evBundle(ws, EV_DENY_ALL, "deny.apb")));
  const denied = await echo(g.client);
  assert.deepEqual([denied._meta.agentpol.reason, denied._meta.agentpol.rules], ["forbidden", ["echo-off"]]);
  const loaded = audit(ws.audit).filter((l) => l.event === "bundle_loaded");
  assert.equal(loaded.length, 2);
  assert.notEqual(loaded[1].bundle, first);

  await replace(bundle, "this is not a bundle");
  const still = await echo(g.client);
  assert.equal(still._meta.agentpol.reason, "forbidden");  // the second bundle stays in force
  const refused = audit(ws.audit).filter((l) => l.event === "bundle_refused");
  assert.equal(refused.length, 1);
  assert.match(refused[0].error, /not a valid bundle/);
  assert.equal(refused[0].bundle, loaded[1].bundle);
  assert.match(g.stderr(), /bundle_refused/);
  await echo(g.client);  // a refusal is reported once, not per call
  assert.equal(audit(ws.audit).filter((l) => l.event === "bundle_refused").length, 1);
  await g.close();
  const cl = calls(ws.audit);
  assert.deepEqual(cl.map((l) => l.bundle), [first, loaded[1].bundle, loaded[1].bundle, loaded[1].bundle]);
});

test("entities that do not fit the bundle are refused; fitting ones take effect", async () => {
  const ws = workspace();
  const s = fsSetup(ws);
  const g = await connect({ bundle: s.bundle, agent: "writer", entities: s.entities, context: s.context, ...ws },
    FILESYSTEM(s.root));
  const write = (name) => g.client.callTool({ name: "write_file", arguments: { path: path.join(s.root, "out", name), content: "x" } });
  assert.equal((await write("a.txt")).isError, undefined);
  const entities = JSON.parse(fs.readFileSync(s.entities, "utf8"));
  await replace(s.entities, JSON.stringify([{ type: "Agent", id: "writer", attrs: { team: 7 } }]));
  assert.equal((await write("b.txt")).isError, undefined);  // refused: the old entities stay
  const refused = audit(ws.audit).find((l) => l.event === "entities_refused");
  assert.match(refused.error, /team: expected String/);
  entities[1].attrs.team = "support";
  await replace(s.entities, JSON.stringify(entities));
  assert.equal((await write("c.txt"))._meta.agentpol.reason, "no_permit");
  assert.equal(fs.existsSync(path.join(s.root, "out", "c.txt")), false);
  await g.close();
});
