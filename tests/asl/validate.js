// Reads a state machine definition (JSON) on stdin; prints {isValid, errors} as JSON and exits 0 either way.
const validate = require("asl-validator");
let text = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { text += chunk; });
process.stdin.on("end", () => {
  let definition;
  try {
    definition = JSON.parse(text);
  } catch (error) {
    process.stdout.write(JSON.stringify({ isValid: false, errors: ["not JSON: " + error.message] }));
    return;
  }
  const result = validate(definition);
  process.stdout.write(JSON.stringify({ isValid: result.isValid, errors: result.errors.map((e) => `${e["Error code"] ?? "INVALID"}: ${e.Message ?? e.message}`) }));
});
