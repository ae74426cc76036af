// example.test.mjs — examples/mcp_filesystem as a user runs it: verify proves
// every check, and the gateway with that policy in front of the official
// filesystem server (the example's /srv/docs moved to a temporary folder)
// behaves as the example's README says, approving one write included.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { AGENTPOLC, SOURCE_DIR, connect, cli, FILESYSTEM, workspace, compile, calls, text } from "./harness.mjs";

const EXAMPLE = path.join(SOURCE_DIR, "examples", "mcp_filesystem");

test("verify proves the example's asserts and built-in checks", () => {
  const out = execFileSync(AGENTPOLC, ["verify", EXAMPLE, "--today", "2026-11-28"], { encoding: "utf8" });
  assert.match(out, /\b0 violated, 0 unknown/);
});

function exampleBundle(ws, docs) {
  const files = fs.readdirSync(EXAMPLE).filter((f) => f.endsWith(".agentpol"));
  const copies = files.map((f) => {
    const to = path.join(ws.dir, f);
    fs.writeFileSync(to, fs.readFileSync(path.join(EXAMPLE, f), "utf8").replaceAll("/srv/docs", docs));
    return to;
  });
  return compile(copies, path.join(ws.dir, "mcp_filesystem.apb"));
}

test("the example policy in front of the filesystem server", async () => {
  const ws = workspace();
  const docs = path.join(ws.dir, "docs");
  fs.mkdirSync(docs);
  fs.writeFileSync(path.join(docs, "guide.md"), "# Guide\n");
  const bundle = exampleBundle(ws, docs);
  const reader = await connect({ bundle, agent: "docs_reader", ...ws }, FILESYSTEM(docs));
  assert.deepEqual((await reader.client.listTools()).tools.map((t) => t.name).sort(),
    ["get_file_info", "list_allowed_directories", "list_directory", "read_text_file", "search_files"]);
  assert.equal(text(await reader.client.callTool({ name: "read_text_file", arguments: { path: path.join(docs, "guide.md") } })), "# Guide\n");
  const climb = await reader.client.callTool({ name: "read_text_file", arguments: { path: `${docs}/../secret` } });
  assert.equal(climb._meta.agentpol.reason, "no_permit");
  const media = await reader.client.callTool({ name: "read_media_file", arguments: { path: path.join(docs, "guide.md") } });
  assert.equal(text(media), 'agentpol: denied (bad_request): tool "read_media_file" maps to no action of the policy');
  await reader.close();

  const editor = await connect({ bundle, agent: "docs_editor", ...ws }, FILESYSTEM(docs));
  const draft = path.join(docs, "draft.md");
  const writeDraft = () => editor.client.callTool({ name: "write_file", arguments: { path: draft, content: "draft" } });
  const w = await writeDraft();
  const id = w._meta.agentpol.approval;
  assert.match(text(w), new RegExp(`^agentpol: held for approval ${id} \\(escalated by writes-need-a-person\\)`));
  assert.equal(fs.existsSync(draft), false);
  // A person approves it, as the README shows; the same call then goes through once.
  const approved = cli(["approvals", "approve", id, "--state", ws.state, "--by", "ann", "--note", "ok to publish"]);
  assert.equal(approved.status, 0, approved.stderr);
  assert.match(approved.stdout, /^id: ap-[0-9a-f]{20}\nstatus: approved\n/);
  const again = await writeDraft();
  assert.equal(again.isError, undefined, text(again));
  assert.equal(fs.readFileSync(draft, "utf8"), "draft");
  const mv = await editor.client.callTool({ name: "move_file", arguments: { source: path.join(docs, "guide.md"), destination: draft } });
  assert.equal(mv._meta.agentpol.decision, "deny");
  assert.ok(fs.existsSync(path.join(docs, "guide.md")));
  await editor.close();
  assert.deepEqual(calls(ws.audit).map((l) => [l.agent, l.tool, l.decision, l.outcome]), [
    ["docs_reader", "read_text_file", "allow", "forwarded"],
    ["docs_reader", "read_text_file", "deny", "blocked"],
    ["docs_reader", "read_media_file", "deny", "blocked"],
    ["docs_editor", "write_file", "escalate", "held"],
    ["docs_editor", "write_file", "escalate", "approved"],
    ["docs_editor", "move_file", "deny", "blocked"],
  ]);
});

test("mcp.json is the configuration a client needs: the gateway in front of the server", () => {
  const config = JSON.parse(fs.readFileSync(path.join(EXAMPLE, "mcp.json"), "utf8"));
  for (const [name, entry] of Object.entries(config.mcpServers)) {
    assert.equal(entry.command, "agentpol-mcp", name);
    const dd = entry.args.indexOf("--");
    assert.deepEqual(entry.args.slice(dd + 1), ["npx", "-y", "@modelcontextprotocol/server-filesystem", "/srv/docs"]);
    const agent = entry.args[entry.args.indexOf("--agent") + 1];
    assert.ok(fs.readFileSync(path.join(EXAMPLE, "agents.agentpol"), "utf8").includes(`agent ${agent} {`));
  }
});
