// Reads a Mermaid diagram on standard input; prints {"valid": bool, "error": string|null}.
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

let text = "";
for await (const chunk of process.stdin) text += chunk;
try {
  await mermaid.parse(text);
  console.log(JSON.stringify({ valid: true, error: null }));
} catch (e) {
  console.log(JSON.stringify({ valid: false, error: String(e?.message ?? e) }));
}
