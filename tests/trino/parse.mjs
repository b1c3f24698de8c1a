// Reads [{name, sql}] (JSON) on stdin; parses each statement with dt-sql-parser's Trino grammar and prints
// [{name, errors}] for those that do not parse, as JSON. Exits 0 either way.
import { register } from "node:module";

register("./extensionless.mjs", import.meta.url);
const { TrinoSQL } = await import("dt-sql-parser/dist/parser/trino/index.js");

let text = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) text += chunk;

const parser = new TrinoSQL();
const failures = [];
for (const { name, sql } of JSON.parse(text)) {
  const errors = parser.validate(sql);
  if (errors.length > 0) {
    failures.push({ name, errors: errors.map((e) => `line ${e.startLine}:${e.startColumn} ${e.message}`) });
  }
}
process.stdout.write(JSON.stringify(failures));
