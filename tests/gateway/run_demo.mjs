// run_demo.mjs — the gateway part of the main job (tools/run_gateway.sh):
// the official SDK client through `agentpol-mcp run` in front of the
// official filesystem server, making one allowed and one denied call.
// Usage: node run_demo.mjs GATEWAY BUNDLE STATE AUDIT DOCS SERVER_JS
// (run from the npm folder of tests/gateway, where the SDK is installed).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [gateway, bundle, state, audit, docs, server] = process.argv.slice(2);
const transport = new StdioClientTransport({ command: gateway, stderr: "ignore",
  args: ["run", "--bundle", bundle, "--agent", "docs_editor", "--state", state, "--audit", audit, "--", process.execPath, server, docs] });
const client = new Client({ name: "run.sh", version: "1" });
await client.connect(transport);
for (const [name, args] of [["read_text_file", { path: `${docs}/guide.md` }], ["move_file", { source: `${docs}/guide.md`, destination: `${docs}/gone.md` }]]) {
  const r = await client.callTool({ name, arguments: args });
  console.log(`${name}: ${r.isError ? "isError" : "ok"}: ${r.content.map((c) => c.text).join("").trim()}`);
}
await client.close();
