// concurrency.test.mjs — 200 tools/call in flight at once through the gateway
// (server-everything's echo): every answer is the right one for its id,
// and the audit log has exactly one complete line per call.
import { test } from "node:test";
import assert from "node:assert/strict";
import { connect, EVERYTHING, workspace, calls, CALL_FIELDS, text } from "./harness.mjs";
import { evBundle } from "./ev_policy.mjs";

test("200 calls in flight: right answers, one complete audit line each", async () => {
  const ws = workspace();
  const g = await connect({ bundle: evBundle(ws), agent: "echo_bot", ...ws }, EVERYTHING());
  const n = 200;
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      g.client.callTool({ name: "echo", arguments: { message: i % 10 === 0 ? `secret ${i}` : `m${i}` } })),
  );
  results.forEach((r, i) => {
    if (i % 10 === 0) assert.equal(r._meta.agentpol.reason, "no_permit");
    else assert.equal(text(r), `Echo: m${i}`);
  });
  await g.close();
  const lines = calls(ws.audit);
  assert.equal(lines.length, n);
  assert.equal(new Set(lines.map((l) => l.audit_id)).size, n);
  for (const l of lines) for (const f of CALL_FIELDS) assert.ok(f in l, f);
  const messages = lines.map((l) => l.args.message).sort();
  const expected = Array.from({ length: n }, (_, i) => (i % 10 === 0 ? `secret ${i}` : `m${i}`)).sort();
  assert.deepEqual(messages, expected);
  assert.equal(lines.filter((l) => l.outcome === "forwarded").length, n - n / 10);
});
