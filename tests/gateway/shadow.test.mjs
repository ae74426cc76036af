// shadow.test.mjs — rollout: --mode shadow decides and audits every call but
// forwards it as if allowed; --shadow-bundle decides each call a second time,
// audited beside the enforced decision, never changing the answer.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { connect, EVERYTHING, FILESYSTEM, workspace, calls, text } from "./harness.mjs";
import { evBundle, EV_DENY_ALL } from "./ev_policy.mjs";
import { fsSetup } from "./fs_policy.mjs";

test("shadow mode forwards a denied call and audits the denial", async () => {
  const ws = workspace();
  const s = fsSetup(ws);
  const g = await connect({ bundle: s.bundle, agent: "writer", entities: s.entities, context: s.context, mode: "shadow", ...ws },
    FILESYSTEM(s.root));
  const file = path.join(s.root, "out", "pw.txt");
  const r = await g.client.callTool({ name: "write_file", arguments: { path: file, content: "password: x" } });
  assert.equal(r.isError, undefined, text(r));
  assert.equal(fs.readFileSync(file, "utf8"), "password: x");
  // tools/list is not filtered either: the agent sees what it will be able to call.
  assert.ok((await g.client.listTools()).tools.some((t) => t.name === "move_file"));
  await g.close();
  const [line] = calls(ws.audit);
  assert.deepEqual([line.decision, line.reason, line.mode, line.outcome], ["deny", "forbidden", "shadow", "forwarded"]);
});

test("a shadow bundle is audited beside the enforced decision and never changes the answer", async () => {
  const ws = workspace();
  const g = await connect({ bundle: evBundle(ws), shadow: evBundle(ws, EV_DENY_ALL, "next.apb"), agent: "echo_bot", ...ws },
    EVERYTHING());
  assert.equal(text(await g.client.callTool({ name: "echo", arguments: { message: "hi" } })), "Echo: hi");
  const d = await g.client.callTool({ name: "echo", arguments: { message: "secret" } });
  assert.equal(d._meta.agentpol.reason, "no_permit");
  await g.close();
  const [a, b] = calls(ws.audit);
  assert.equal(a.decision, "allow");
  assert.deepEqual(a.shadow, { decision: "deny", reason: "forbidden", rules: ["echo-off"], bundle: a.shadow.bundle, flip: true });
  assert.notEqual(a.shadow.bundle, a.bundle);
  assert.deepEqual([b.decision, b.shadow.decision, b.shadow.flip], ["deny", "deny", false]);
});
