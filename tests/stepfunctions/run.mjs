// Executes one state machine definition with aws-local-stepfunctions, every Task answered by a small
// simulated account: a Glue catalog (tables and views), S3 objects, Athena statements applied to them,
// Lambda payloads shaped as the functions' contracts return them, SNS notices kept.
// Reads a scenario (JSON) on stdin: {definition, input, context, world, gateRows, failures, athenaEndpoint, lambdaEndpoint};
// prints {status, error, cause, calls, queries, published, world} as JSON.
// The interpreter is written for Node.js 22; on 20 it needs only Promise.withResolvers, added here.
Promise.withResolvers ??= function withResolvers() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};
const { StateMachine } = await import("aws-local-stepfunctions");

const scenario = JSON.parse(await readStdin());

// The interpreter stamps $$.Execution.StartTime with the clock; a scenario chooses it, verbatim.
if (scenario.context?.Execution?.StartTime) {
  const startTime = scenario.context.Execution.StartTime;
  const RealDate = Date;
  globalThis.Date = class extends RealDate {
    constructor(...args) {
      super(...(args.length > 0 ? args : [startTime]));
      if (args.length === 0) this.toISOString = () => startTime;
    }
  };
}

const world = {
  tables: scenario.world?.tables ?? {}, // "db.name" -> {location} | {view: "db.name" or null}
  objects: new Set(scenario.world?.objects ?? []), // "bucket/key"
};
const calls = [];
const queries = [];
const published = [];
const failures = scenario.failures ?? {}; // state name -> {error, times}
let queryCount = 0;

function fail(name, message) {
  const error = new Error(message);
  error.name = name;
  throw error;
}

function failIfAsked(stateName) {
  const failure = failures[stateName];
  if (failure && failure.times > 0) {
    failure.times -= 1;
    fail(failure.error, `${stateName} failed as the scenario asks`);
  }
}

function qualified(name, database) {
  return name.includes(".") ? name : `${database}.${name}`;
}

// Where a scenario names an engine (a local server running the statements on DuckDB), every statement is
// run there too: its failure fails the task, a query's rows are what getQueryResults returns.
async function engine(path, body) {
  const response = await fetch(`${scenario.athenaEndpoint}/${path}`, { method: "POST", body: JSON.stringify(body) });
  const answer = await response.json();
  if (!response.ok) fail("States.TaskFailed", `the engine refused the statement: ${answer.error}`);
  return answer;
}

async function startQuery(input) {
  const result = runQuery(input);
  if (scenario.athenaEndpoint) {
    await engine("query", { id: result.QueryExecution.QueryExecutionId, sql: input.QueryString, database: input.QueryExecutionContext?.Database });
  }
  return result;
}

async function queryResults(input) {
  if (scenario.athenaEndpoint) return engine("results", { id: input.QueryExecutionId });
  return { ResultSet: { Rows: [{ Data: [{ VarCharValue: "dataset" }] }, ...(scenario.gateRows ?? [])] } };
}

// Athena: the statements the pipelines send, applied to the simulated catalog and bucket.
function runQuery(input) {
  const sql = input.QueryString;
  const database = input.QueryExecutionContext?.Database ?? "default";
  queries.push({ sql, workgroup: input.WorkGroup });
  let match;
  if ((match = /^CREATE TABLE (\S+)\nWITH \(.*external_location = '([^']*)'\)\nAS\n/s.exec(sql))) {
    const table = qualified(match[1], database);
    const location = match[2];
    if (world.tables[table]) fail("States.TaskFailed", `Athena: table ${table} already exists`);
    const prefix = location.replace(/^s3:\/\//, "");
    if ([...world.objects].some((key) => key.startsWith(prefix))) fail("States.TaskFailed", `Athena: CTAS location ${location} is not empty`);
    world.tables[table] = { location };
    world.objects.add(`${prefix}part-00000.parquet`);
  } else if ((match = /^CREATE OR REPLACE VIEW (\S+) AS\nSELECT \* FROM (\S+)$/s.exec(sql))) {
    const target = qualified(match[2], database);
    if (!world.tables[target]) fail("States.TaskFailed", `Athena: the view reads ${target}, which does not exist`);
    world.tables[qualified(match[1], database)] = { view: target };
  } else if ((match = /^CREATE OR REPLACE VIEW (\S+) AS\n/s.exec(sql))) {
    world.tables[qualified(match[1], database)] = { view: null };
  } else if ((match = /^DROP TABLE IF EXISTS (\S+)$/s.exec(sql))) {
    delete world.tables[qualified(match[1], database)];
  } else if (!/^(SELECT|MERGE INTO|WITH)\b/s.test(sql)) {
    fail("States.TaskFailed", `Athena: the simulation does not know this statement: ${sql.slice(0, 80)}`);
  }
  queryCount += 1;
  return { QueryExecution: { QueryExecutionId: `query-${queryCount}`, Status: { State: "SUCCEEDED" } } };
}

// Where a scenario names functions (the published bootstraps behind a Runtime API emulator), each invocation is
// theirs: a function error fails the task with the function's error type, as Lambda's task does.
async function invokeLambda(input) {
  const payload = input.Payload ?? {};
  if (scenario.lambdaEndpoint) {
    const response = await fetch(`${scenario.lambdaEndpoint}/invoke`, { method: "POST", body: JSON.stringify({ function: input.FunctionName, payload }) });
    const answer = await response.json();
    if (!response.ok) fail(answer.errorType ?? "Lambda.Unknown", answer.error);
    return { StatusCode: 200, Payload: answer.payload };
  }
  if (payload.resources || payload.tables) {
    const dataset = (payload.resources ?? payload.tables)[0];
    return { StatusCode: 200, Payload: { complete: true, runs: [{ dataset, manifest: `bronze/${dataset}/run=1/manifest.json` }] } };
  }
  if (payload.manifest) {
    return { StatusCode: 200, Payload: { dataset: payload.dataset, in: 10, out: 9, duplicates: 0, quarantined: 1 } };
  }
  fail("States.TaskFailed", `Lambda: no answer for payload ${JSON.stringify(payload)}`);
}

function listObjects(input) {
  const bucket = input.Bucket;
  const prefix = input.Prefix ?? "";
  const keys = [...world.objects].filter((key) => key.startsWith(`${bucket}/${prefix}`)).map((key) => key.slice(bucket.length + 1)).sort();
  if (input.Delimiter) {
    const prefixes = [...new Set(keys.map((key) => key.slice(0, key.indexOf(input.Delimiter, prefix.length) + 1)).filter((p) => p.length > 0))].sort();
    return prefixes.length > 0 ? { KeyCount: prefixes.length, CommonPrefixes: prefixes.map((p) => ({ Prefix: p })) } : { KeyCount: 0 };
  }
  const page = keys.slice(0, input.MaxKeys ?? 1000);
  return page.length > 0 ? { KeyCount: page.length, IsTruncated: keys.length > page.length, Contents: page.map((Key) => ({ Key })) } : { KeyCount: 0, IsTruncated: false };
}

function getTables(input) {
  const expression = new RegExp(input.Expression ?? ".*");
  const names = Object.keys(world.tables)
    .filter((table) => table.startsWith(`${input.DatabaseName}.`))
    .map((table) => table.slice(input.DatabaseName.length + 1))
    .filter((name) => expression.test(name))
    .sort()
    .slice(0, input.MaxResults ?? 100);
  return { TableList: names.map((Name) => ({ Name, StorageDescriptor: { Location: world.tables[`${input.DatabaseName}.${Name}`].location } })) };
}

const services = {
  "arn:aws:states:::lambda:invoke": invokeLambda,
  "arn:aws:states:::athena:startQueryExecution.sync": startQuery,
  "arn:aws:states:::athena:getQueryResults": queryResults,
  "arn:aws:states:::sns:publish": (input) => {
    published.push({ subject: input.Subject, message: input.Message });
    return { MessageId: `message-${published.length}` };
  },
  "arn:aws:states:::aws-sdk:cloudwatch:putMetricData": () => ({}),
  "arn:aws:states:::aws-sdk:glue:getTables": getTables,
  "arn:aws:states:::aws-sdk:glue:deleteTable": (input) => {
    delete world.tables[`${input.DatabaseName}.${input.Name}`];
    return {};
  },
  "arn:aws:states:::aws-sdk:s3:listObjectsV2": listObjects,
  "arn:aws:states:::aws-sdk:s3:deleteObject": (input) => {
    world.objects.delete(`${input.Bucket}/${input.Key}`);
    return {};
  },
};

// Every Task state, however deeply nested in Parallel branches and Map processors.
function tasks(states, found = {}) {
  for (const [name, state] of Object.entries(states)) {
    if (state.Type === "Task") found[name] = state.Resource;
    for (const branch of state.Branches ?? []) tasks(branch.States, found);
    if (state.ItemProcessor) tasks(state.ItemProcessor.States, found);
    if (state.Iterator) tasks(state.Iterator.States, found);
  }
  return found;
}

function allStates(states, found = []) {
  for (const [name, state] of Object.entries(states)) {
    found.push(name);
    for (const branch of state.Branches ?? []) allStates(branch.States, found);
    if (state.ItemProcessor) allStates(state.ItemProcessor.States, found);
  }
  return found;
}

const handlers = {};
for (const [name, resource] of Object.entries(tasks(scenario.definition.States))) {
  const service = services[resource];
  handlers[name] = async (input) => {
    calls.push(name);
    if (!service) fail("States.TaskFailed", `no simulation of ${resource}`);
    failIfAsked(name);
    return service(input);
  };
}
const noWaits = Object.fromEntries(allStates(scenario.definition.States).map((name) => [name, 0]));

const machine = new StateMachine(scenario.definition, { validationOptions: { checkArn: false } });
const execution = machine.run(scenario.input ?? {}, {
  overrides: { taskResourceLocalHandlers: handlers, retryIntervalOverrides: noWaits },
  context: scenario.context,
});
let status = "SUCCEEDED";
let error = null;
let cause = null;
try {
  await execution.result;
} catch (failure) {
  status = "FAILED";
  error = failure.name === "ExecutionError" ? failure.cause?.name ?? failure.name : failure.name;
  cause = failure.cause?.message ?? failure.message;
}
process.stdout.write(JSON.stringify({ status, error, cause, calls, queries, published, world: { tables: world.tables, objects: [...world.objects].sort() } }));

async function readStdin() {
  let text = "";
  process.stdin.setEncoding("utf8");
  for await (const chunk of process.stdin) text += chunk;
  return text;
}
