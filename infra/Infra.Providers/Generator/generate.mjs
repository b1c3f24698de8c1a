// Generates C# typed resource inputs from the pinned Pulumi provider typings, and the list of
// IAM action names from iam-floyd. Reads ../resources.json; writes ../Generated/.
//   node generate.mjs           write the output
//   node generate.mjs --check   exit 1 and name the files that differ from what it would write
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const here = path.dirname(fileURLToPath(import.meta.url));
const projectDir = path.resolve(here, "..");
const repoRoot = path.resolve(projectDir, "../..");
const sdkDir = path.join(repoRoot, "tests/typecheck/sdk/node_modules/@pulumi");
const outDir = path.join(projectDir, "Generated");
const require = createRequire(import.meta.url);
const spec = JSON.parse(fs.readFileSync(path.join(projectDir, "resources.json"), "utf8"));

const packages = {
  aws: { dir: "aws", cs: "Aws" },
  "aws-native": { dir: "aws-native", cs: "AwsNative" },
  random: { dir: "random", cs: "Random" },
};

const files = new Map(); // relative path -> content
const parsed = new Map();

function source(file) {
  if (!parsed.has(file)) {
    if (!fs.existsSync(file)) throw new Error(`typings file not found: ${file} (run npm ci in tests/typecheck/sdk)`);
    parsed.set(file, ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true));
  }
  return parsed.get(file);
}

const pascal = (s) => s.split(/[^A-Za-z0-9]/).filter(Boolean).map((p) => p[0].toUpperCase() + p.slice(1)).join("");
const lowerFirst = (s) => s[0].toLowerCase() + s.slice(1);
const version = (pkg) => JSON.parse(fs.readFileSync(path.join(sdkDir, packages[pkg].dir, "package.json"), "utf8")).version;

// Nested input types of a package: "module" -> name -> interface declaration.
const inputIndex = new Map();
function inputs(pkg) {
  if (!inputIndex.has(pkg)) {
    const index = new Map();
    const file = path.join(sdkDir, packages[pkg].dir, "types/input.d.ts");
    const visit = (node, prefix) => {
      if (ts.isModuleDeclaration(node) && node.body) {
        const name = prefix ? `${prefix}.${node.name.text}` : node.name.text;
        if (ts.isModuleBlock(node.body)) node.body.statements.forEach((s) => visit(s, name));
      } else if (ts.isInterfaceDeclaration(node)) {
        const module = prefix || "index";
        if (!index.has(module)) index.set(module, new Map());
        index.get(module).set(node.name.text, node);
      }
    };
    if (fs.existsSync(file)) source(file).statements.forEach((s) => visit(s, ""));
    inputIndex.set(pkg, index);
  }
  return inputIndex.get(pkg);
}

function enumMembers(pkg, module, name) {
  const file = path.join(sdkDir, packages[pkg].dir, "types/enums", ...(module === "index" ? [] : module.split(".")), "index.d.ts");
  for (const statement of source(file).statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (declaration.name.text !== name || !declaration.type || !ts.isTypeLiteralNode(declaration.type)) continue;
      return declaration.type.members.map((m) => ({ name: m.name.text, value: m.type.literal.text }));
    }
  }
  throw new Error(`enum ${pkg} ${module}.${name} not found in ${file}`);
}

function docOf(node) {
  const tags = ts.getJSDocCommentsAndTags(node);
  const doc = tags.find(ts.isJSDoc);
  const deprecated = ts.getJSDocTags(node).some((t) => t.tagName.text === "deprecated");
  let text = doc && typeof doc.comment === "string" ? doc.comment : doc?.comment?.map((c) => c.text).join("") ?? "";
  text = text.split(/\n\s*\n/)[0].replace(/\s+/g, " ").trim();
  const sentence = text.match(/^(.*?\.)(\s|$)/);
  if (sentence) text = sentence[1];
  return { text: text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"), deprecated };
}

const work = []; // pending nested types and enums
const emitted = new Set();
const modules = new Map(); // "pkg|module" -> { inputs: Map(name -> code), enums: Map(name -> code) }
function moduleOf(pkg, module) {
  const key = `${pkg}|${module}`;
  if (!modules.has(key)) modules.set(key, { pkg, module, inputs: new Map(), enums: new Map() });
  return modules.get(key);
}
const namespaceOf = (pkg, module) => `Infra.Providers.${packages[pkg].cs}.${module.split(".").map(pascal).join(".")}`;
const nestedName = (name) => (name.endsWith("Args") ? name : `${name}Args`);

// Maps a TypeScript type to the C# element type of an input, or null when only a raw Value fits.
function element(node, pkg) {
  while (node && ts.isParenthesizedTypeNode(node)) node = node.type;
  if (!node) return null;
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText();
    if (name === "pulumi.Input") return element(node.typeArguments[0], pkg);
    const parts = name.split(".");
    if (parts[0] === "inputs") {
      const module = parts.slice(1, -1).join(".") || "index";
      const type = parts[parts.length - 1];
      work.push({ kind: "input", pkg, module, type });
      return `${namespaceOf(pkg, module)}.Inputs.${nestedName(type)}`;
    }
    if (parts[0] === "enums") {
      const module = parts.slice(1, -1).join(".") || "index";
      const type = parts[parts.length - 1];
      work.push({ kind: "enum", pkg, module, type });
      return `${namespaceOf(pkg, module)}.${type}`;
    }
    return null;
  }
  if (ts.isUnionTypeNode(node)) {
    const members = node.types.filter((t) => !(t.kind === ts.SyntaxKind.UndefinedKeyword || (ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword)));
    if (members.length === 1) return element(members[0], pkg);
    // An open union such as `string | enums.lambda.Runtime` or `string | Role` takes any string.
    if (members.some((t) => t.kind === ts.SyntaxKind.StringKeyword)
        && members.every((t) => t.kind === ts.SyntaxKind.StringKeyword || (ts.isTypeReferenceNode(t) && !t.typeName.getText().startsWith("inputs.")))) {
      for (const t of members) if (ts.isTypeReferenceNode(t) && t.typeName.getText().startsWith("enums.")) element(t, pkg);
      return "string";
    }
    if (members.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) return "string";
    return null;
  }
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword: return "string";
    case ts.SyntaxKind.NumberKeyword: return "double";
    case ts.SyntaxKind.BooleanKeyword: return "bool";
    default: return null;
  }
}

// The C# type of a property: Input<T>, InputList<T>, InputMap<T> or Value.
function propertyType(node, pkg) {
  while (node && ts.isParenthesizedTypeNode(node)) node = node.type;
  if (ts.isTypeReferenceNode(node) && node.typeName.getText() === "pulumi.Input") return propertyType(node.typeArguments[0], pkg);
  if (ts.isUnionTypeNode(node)) {
    const members = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword);
    if (members.length === 1) return propertyType(members[0], pkg);
  }
  if (ts.isArrayTypeNode(node)) {
    const item = element(node.elementType, pkg);
    return item ? `InputList<${item}>` : "Value";
  }
  if (ts.isTypeLiteralNode(node) && node.members.length === 1 && ts.isIndexSignatureDeclaration(node.members[0])) {
    const item = element(node.members[0].type, pkg);
    return item ? `InputMap<${item}>` : "Value";
  }
  const item = element(node, pkg);
  return item ? `Input<${item}>` : "Value";
}

function properties(members, pkg) {
  const list = [];
  for (const member of members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const name = member.name.getText().replace(/^"|"$/g, "");
    const required = !member.questionToken;
    const doc = docOf(member);
    if (doc.deprecated && !required) continue;
    list.push({ name, cs: pascal(name), type: propertyType(member.type, pkg), required, doc: doc.text });
  }
  return list;
}

function record(className, base, members, extra, indent = "") {
  const lines = [];
  lines.push(`${indent}public sealed record ${className} : ${base}`);
  lines.push(`${indent}{`);
  lines.push(...extra.map((l) => indent + l));
  // A member may not share its type's name (CS0542).
  const member = (p) => (p.cs === className ? `${p.cs}Value` : p.cs);
  for (const p of members) {
    if (p.doc) lines.push(`${indent}    /// <summary>${p.doc}</summary>`);
    lines.push(`${indent}    public ${p.required ? "required " : ""}${p.type}${p.required ? "" : "?"} ${member(p)} { get; init; }`);
    lines.push("");
  }
  lines.push(`${indent}    public override MapValue ToMap()`);
  lines.push(`${indent}    {`);
  lines.push(`${indent}        var map = new MapValue();`);
  for (const p of members) lines.push(`${indent}        InputValues.Put(map, "${p.name}", ${member(p)});`);
  lines.push(`${indent}        return map;`);
  lines.push(`${indent}    }`);
  lines.push(`${indent}}`);
  return lines.join("\n");
}

const header = (pkg) => `// <auto-generated>
// Generated by infra/Infra.Providers/Generator/generate.mjs from @pulumi/${packages[pkg].dir} ${version(pkg)}. Do not edit.
// </auto-generated>
#nullable enable
using Infra.Model.Inputs;
using Infra.Model.Values;
`;

function resourceFile(token) {
  const [pkg, moduleWithFile, type] = token.split(":");
  const isProvider = pkg === "pulumi" && moduleWithFile === "providers";
  const owner = isProvider ? type : pkg;
  const module = isProvider ? "index" : moduleWithFile.split("/")[0];
  const base = path.join(sdkDir, packages[owner].dir, ...(module === "index" ? [] : module.split(".")));
  const stem = isProvider ? "provider" : lowerFirst(type);
  const className = isProvider ? "Provider" : type;
  const file = source(path.join(base, `${stem}.d.ts`));
  const js = fs.readFileSync(path.join(base, `${stem}.js`), "utf8");
  const canonical = js.match(/__pulumiType = '([^']+)'/)?.[1];
  if (!isProvider && (!canonical || canonical.split(":")[2] !== type || canonical.split(":")[1].split("/")[0] !== module)) {
    throw new Error(`${token}: ${stem}.js declares type ${canonical}`);
  }
  const args = file.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === `${className}Args`);
  if (!args) throw new Error(`${token}: no ${className}Args in ${stem}.d.ts`);
  const ns = namespaceOf(owner, module);
  const code = `${header(owner)}
namespace ${ns};

/// <summary>Inputs of <c>${canonical ?? token}</c>.</summary>
${record(`${className}Args`, "global::Infra.Model.Inputs.ResourceArgs", properties(args.members, owner), [`    public override string TypeToken => "${token}";`, ""])}
`;
  files.set(path.join(packages[owner].cs, ...module.split(".").map(pascal), `${className}Args.cs`), code);
}

function drain() {
  while (work.length > 0) {
    const item = work.shift();
    const key = `${item.kind}|${item.pkg}|${item.module}|${item.type}`;
    if (emitted.has(key)) continue;
    emitted.add(key);
    const mod = moduleOf(item.pkg, item.module);
    if (item.kind === "enum") {
      const members = enumMembers(item.pkg, item.module, item.type);
      const lines = [`/// <summary>The values <c>${item.module}.${item.type}</c> allows.</summary>`,
        `public sealed class ${item.type} : StringEnum`, "{", `    private ${item.type}(string name) : base(name) { }`, ""];
      for (const m of members) lines.push(`    public static readonly ${item.type} ${m.name === item.type ? m.name + "Value" : m.name} = new("${m.value}");`);
      lines.push("}");
      mod.enums.set(item.type, lines.join("\n"));
    } else {
      const declaration = inputs(item.pkg).get(item.module)?.get(item.type);
      if (!declaration) throw new Error(`nested type inputs.${item.module}.${item.type} not found in @pulumi/${item.pkg}`);
      const name = nestedName(item.type);
      mod.inputs.set(name, record(name, "global::Infra.Model.Inputs.InputObject", properties(declaration.members, item.pkg), []));
    }
  }
}

for (const [pkg, tokens] of Object.entries(spec.resources)) {
  if (!packages[pkg]) throw new Error(`unknown package ${pkg}`);
  for (const token of tokens) {
    resourceFile(token);
    drain();
  }
}
// Enums no resource input names but the platform validates against, such as the provider's regions.
for (const [pkg, names] of Object.entries(spec.enums ?? {})) {
  for (const name of names) {
    const dot = name.lastIndexOf(".");
    work.push({ kind: "enum", pkg, module: name.slice(0, dot), type: name.slice(dot + 1) });
  }
}
drain();
for (const mod of [...modules.values()].sort((a, b) => `${a.pkg}|${a.module}`.localeCompare(`${b.pkg}|${b.module}`))) {
  const dir = path.join(packages[mod.pkg].cs, ...mod.module.split(".").map(pascal));
  const sorted = (map) => [...map.keys()].sort().map((k) => map.get(k)).join("\n\n");
  if (mod.inputs.size > 0) files.set(path.join(dir, "Inputs.cs"), `${header(mod.pkg)}\nnamespace ${namespaceOf(mod.pkg, mod.module)}.Inputs;\n\n${sorted(mod.inputs)}\n`);
  if (mod.enums.size > 0) files.set(path.join(dir, "Enums.cs"), `${header(mod.pkg)}\nnamespace ${namespaceOf(mod.pkg, mod.module)};\n\n${sorted(mod.enums)}\n`);
}

// IAM action names by service, from iam-floyd's generated policy statements.
const statementsDir = path.join(path.dirname(require.resolve("iam-floyd/package.json")), "lib/generated/policy-statements");
const actions = new Map();
for (const file of fs.readdirSync(statementsDir).filter((f) => f.endsWith(".js"))) {
  const exported = require(path.join(statementsDir, file));
  for (const Statement of Object.values(exported)) {
    if (typeof Statement !== "function") continue;
    const statement = new Statement();
    if (!spec.iamServices.includes(statement.servicePrefix)) continue;
    const names = actions.get(statement.servicePrefix) ?? new Set();
    for (const list of Object.values(statement.accessLevelList ?? {})) list.forEach((a) => names.add(a));
    actions.set(statement.servicePrefix, names);
  }
}
const missing = spec.iamServices.filter((s) => !actions.has(s));
if (missing.length > 0) throw new Error(`iam-floyd has no actions for ${missing.join(", ")}`);
const floyd = JSON.parse(fs.readFileSync(require.resolve("iam-floyd/package.json"), "utf8")).version;
const actionLines = [...actions.entries()].sort(([a], [b]) => (a < b ? -1 : 1))
  .flatMap(([service, names]) => [...names].sort().map((n) => `${service}:${n}`));
files.set("iam-actions.txt", `# IAM actions of the services in resources.json, from iam-floyd ${floyd}. Generated; do not edit.\n${actionLines.join("\n")}\n`);

const check = process.argv.includes("--check");
const existing = new Set();
const walk = (dir) => {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full); else existing.add(path.relative(outDir, full));
  }
};
walk(outDir);
const differ = [];
for (const [relative, content] of files) {
  const full = path.join(outDir, relative);
  if (!fs.existsSync(full) || fs.readFileSync(full, "utf8") !== content) differ.push(relative);
}
const stale = [...existing].filter((f) => !files.has(f));
if (check) {
  if (differ.length + stale.length > 0) {
    console.error(`generated provider types are out of date (run: node infra/Infra.Providers/Generator/generate.mjs):\n${[...differ, ...stale.map((s) => s + " (stale)")].join("\n")}`);
    process.exit(1);
  }
  console.log(`${files.size} generated files are up to date`);
} else {
  for (const relative of stale) fs.rmSync(path.join(outDir, relative));
  for (const relative of differ) {
    fs.mkdirSync(path.dirname(path.join(outDir, relative)), { recursive: true });
    fs.writeFileSync(path.join(outDir, relative), files.get(relative));
  }
  console.log(`wrote ${differ.length} of ${files.size} files, removed ${stale.length}`);
}
