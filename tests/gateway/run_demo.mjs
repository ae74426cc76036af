// run_demo.mjs — the gateway part of the main job (tools/run_gateway.sh):
// the official SDK client through `agentpol-mcp run` in front of the
// official filesystem server, as docs_editor of examples/mcp_filesystem:
// one allowed call, one denied, and one escalated write held for approval,
// approved with `agentpol-mcp approvals approve` and then let through.
// Usage: node run_demo.mjs GATEWAY BUNDLE STATE AUDIT DOCS SERVER_JS
// (run from the npm folder of tests/gateway, where the SDK is installed).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { execFileSync } from "node:child_process";

const [gateway, bundle, state, audit, docs, server] = process.argv.slice(2);
const transport = new StdioClientTransport({ command: gateway, stderr: "ignore",
  args: ["run", "--bundle", bundle, "--agent", "docs_editor", "--state", state, "--audit", audit, "--", process.execPath, server, docs] });
const client = new Client({ name: "run.sh", version: "1" });
await client.connect(transport);

async function call(name, args) {
  const r = await client.callTool({ name, arguments: args });
  console.log(`${name}: ${r.isError ? "isError" : "ok"}: ${r.content.map((c) => c.text).join("").trim()}`);
  return r;
}

await call("read_text_file", { path: `${docs}/guide.md` });
await call("move_file", { source: `${docs}/guide.md`, destination: `${docs}/gone.md` });
const draft = { path: `${docs}/draft.md`, content: "# Draft\n" };
const held = await call("write_file", draft);
const id = held._meta.agentpol.approval;
const approve = ["approvals", "approve", id, "--state", state, "--by", "ann", "--note", "ok to publish"];
console.log(`$ agentpol-mcp ${approve.join(" ")}`);
process.stdout.write(execFileSync(gateway, approve, { encoding: "utf8" }).replace(/^/gm, "  "));
await call("write_file", draft);
await client.close();
