// fs_policy.mjs — the policy most gateway tests run against the official
// filesystem server: a reader (reads and listings under the root, at most
// 100 lines by the optional head/tail), a writer (writes under root/out for
// the docs team, never a password, directories escalated), delegation
// through users with roles, and a context ticket.
import fs from "node:fs";
import path from "node:path";
import { compile } from "./harness.mjs";

export function fsPolicy(root, extra = "") {
  return `
namespace fs_test;
entity Agent { team: String }
entity User { roles: Set<String> }
context { ticket: String }
action read_text_file { path: String, head?: Int, tail?: Int }
action list_directory { path: String }
action write_file { path: String, content: String }
action create_directory { path: String }
action move_file { source: String, destination: String }
agent reader { owner: "team-test", purpose: "reads files", reviewed: 2026-11-01, may: [read_text_file, list_directory] }
agent writer { owner: "team-test", purpose: "writes files", reviewed: 2026-11-01, may: [read_text_file, write_file, create_directory] }
@id("read-under-root")
permit agent [reader, writer] to [read_text_file, list_directory] when (path == "${root}" || path like "${root}/*") && !(path like "*..*");
@id("at-most-100-lines")
forbid agent * to read_text_file when (has head && head > 100) || (has tail && tail > 100);
@id("write-out")
permit agent writer to write_file when path like "${root}/out/*" && agent.team == "docs" && context.ticket like "T-*";
@id("no-passwords")
forbid agent * to write_file when content like "*password*";
@id("dirs-need-a-person")
escalate agent writer to create_directory;
@id("staff-only")
permit user to * when "staff" in user.roles;
${extra}`;
}

// A workspace's filesystem root with a file to read and the out/ folder;
// the compiled bundle, entities and context files.
export function fsSetup(ws, extra = "") {
  const root = path.join(ws.dir, "root");
  fs.mkdirSync(path.join(root, "out"), { recursive: true });
  fs.writeFileSync(path.join(root, "notes.txt"), "line one\nline two\nline three\n");
  const bundle = compile(fsPolicy(root, extra), path.join(ws.dir, "fs.apb"));
  const entities = path.join(ws.dir, "entities.json");
  fs.writeFileSync(entities, JSON.stringify([
    { type: "Agent", id: "reader", attrs: { team: "support" } },
    { type: "Agent", id: "writer", attrs: { team: "docs" } },
    { type: "User", id: "ann", attrs: { roles: ["staff"] } },
    { type: "User", id: "bob", attrs: { roles: [] } },
  ]));
  const context = path.join(ws.dir, "context.json");
  fs.writeFileSync(context, JSON.stringify({ ticket: "T-42" }));
  return { root, bundle, entities, context };
}
