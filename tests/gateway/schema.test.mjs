// schema.test.mjs — `agentpol-mcp schema` against the official servers: one
// action per tool, with section 11's type mapping, optional arguments, and
// @tool for names that are not identifiers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { EVERYTHING, FILESYSTEM, cli, tmpdir } from "./harness.mjs";

test("schema of the filesystem server", () => {
  const r = cli(["schema", "--namespace", "fs", "--", ...FILESYSTEM(tmpdir())]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^\/\/ actions for the tools of secure-filesystem-server /);
  assert.match(r.stdout, /\nnamespace fs;\n/);
  assert.match(r.stdout, /\naction read_text_file \{ head\?: Int, path: String, tail\?: Int \}|\naction read_text_file \{\n  head\?: Int,\n  path: String,\n  tail\?: Int,\n\}/);
  assert.match(r.stdout, /\naction write_file \{ content: String, path: String \}\n/);
  assert.match(r.stdout, /\naction read_multiple_files \{ paths: Set<String> \}\n/);
  assert.match(r.stdout, /edits: String,/);  // an array of objects is its JSON text
  assert.match(r.stdout, /\naction list_allowed_directories;\n/);
  assert.match(r.stdout, /\n\/\/ Read the complete contents of a file/);
  assert.equal(r.stdout.match(/^action /gm).length, 14);
});

test("schema of the everything server: @tool for names that are not identifiers", () => {
  const r = cli(["schema", "--", ...EVERYTHING()]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /\naction echo \{ message: String \}\n/);
  assert.match(r.stdout, /\n@tool\("get-sum"\)\naction get_sum \{ a: Int, b: Int \}\n/);
  assert.match(r.stdout, /\n@tool\("trigger-long-running-operation"\)\naction trigger_long_running_operation \{ duration\?: Int, steps\?: Int \}\n/);
});

test("schema usage errors and a server that cannot start", () => {
  assert.equal(cli(["schema"]).status, 2);
  assert.equal(cli(["schema", "--namespace", "not-an-id", "--", "true"]).status, 2);
  const r = cli(["schema", "--", "/nonexistent/server"]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /cannot start/);
});
