/**
 * Lambda Invoke end to end through the real `@aws-sdk/client-lambda`: each
 * function is a zip built here, created with CreateFunction and run by the
 * local runtime in its own process. Covers CommonJS, ESM (`.mjs` and
 * `"type": "module"`) and callback handlers; handler errors, init errors
 * and timeouts as Lambda reports them; Event (202) and DryRun (204); the
 * log tail; the environment and the execution role's credentials, used
 * from inside the function to call STS through accesslab; warm reuse; the
 * sandbox uid when running as root; and Lambda's refusals.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UpdateAssumeRolePolicyCommand } from "@aws-sdk/client-iam";
import {
  CreateFunctionCommand,
  type CreateFunctionCommandInput,
  InvalidParameterValueException,
  InvokeCommand,
  type InvokeCommandOutput,
  type LambdaClient,
  ResourceNotFoundException,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PackageFile, zipPackage } from "../../src/runtime/lambda/zip-package.test-support.js";
import type { World } from "../../src/services/lambda/seed.test-support.js";
import { type TestServer, trustPolicy } from "../serve/harness.js";
import { startLambdaWorld } from "../serve/lambda-world.js";

let server: TestServer;
let world: World;
let lambda: LambdaClient;

beforeAll(async () => {
  ({ server, world, lambda } = await startLambdaWorld());
});
afterAll(() => server.close());

async function createFunction(
  name: string,
  files: Readonly<Record<string, PackageFile>>,
  more: Partial<CreateFunctionCommandInput> = {},
): Promise<void> {
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Role: world.roleArn,
      Runtime: "nodejs20.x",
      Handler: "index.handler",
      Code: { ZipFile: zipPackage(files) },
      ...more,
    }),
  );
}

async function invoke(
  name: string,
  event: unknown = {},
  more: { LogType?: "Tail"; InvocationType?: "Event" | "DryRun" } = {},
): Promise<InvokeCommandOutput & { json: unknown }> {
  const out = await lambda.send(
    new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify(event)), ...more }),
  );
  const text = Buffer.from(out.Payload ?? new Uint8Array()).toString("utf8");
  return { ...out, json: text === "" ? undefined : JSON.parse(text) };
}

const decodeLog = (out: InvokeCommandOutput) =>
  Buffer.from(out.LogResult ?? "", "base64").toString("utf8");

describe("handlers", () => {
  it("runs a CommonJS handler and keeps its module state warm across invocations", async () => {
    await createFunction("cjs", {
      "index.js":
        "let count = 0;\nexports.handler = async (event) => ({ count: ++count, echo: event, pid: process.pid });\n",
    });
    const first = await invoke("cjs", { hello: "world" });
    const second = await invoke("cjs", { again: true });
    expect(first.StatusCode).toBe(200);
    expect(first.FunctionError).toBeUndefined();
    expect(first.ExecutedVersion).toBe("$LATEST");
    expect(first.json).toMatchObject({ count: 1, echo: { hello: "world" } });
    expect(second.json).toMatchObject({ count: 2, echo: { again: true } });
    const pids = [first.json, second.json].map((j) => (j as { pid: number }).pid);
    expect(pids[0]).toBe(pids[1]);
    expect(pids[0]).not.toBe(process.pid);
  });

  it("starts a second instance while the first is busy, then reuses a warm one", async () => {
    await createFunction("busy", {
      "index.js":
        "exports.handler = async () => { await new Promise((r) => setTimeout(r, 300)); return process.pid; };\n",
    });
    const [a, b] = await Promise.all([invoke("busy"), invoke("busy")]);
    expect(a.json).not.toBe(b.json);
    expect([a.json, b.json]).toContain((await invoke("busy")).json);
  });

  it('imports an `.mjs` handler and a `.js` one under `"type": "module"` as ES modules', async () => {
    await createFunction(
      "esm-mjs",
      { "app.mjs": "export const handler = async (e) => ({ esm: typeof require, n: e.n * 2 });\n" },
      { Handler: "app.handler" },
    );
    await createFunction("esm-type", {
      "package.json": JSON.stringify({ type: "module" }),
      "index.js": "export async function handler() { return { meta: typeof import.meta.url }; }\n",
    });
    expect((await invoke("esm-mjs", { n: 21 })).json).toEqual({ esm: "undefined", n: 42 });
    expect((await invoke("esm-type")).json).toEqual({ meta: "string" });
  });

  it("answers a callback handler with the value it passes to the callback", async () => {
    await createFunction(
      "callback",
      {
        "lib/handlers.js":
          "exports.nested = { cb: (event, context, callback) => setTimeout(() => callback(null, { got: event.v, name: context.functionName, left: context.getRemainingTimeInMillis() > 0 }), 20) };\n",
      },
      { Handler: "lib/handlers.nested.cb" },
    );
    expect((await invoke("callback", { v: 7 })).json).toEqual({
      got: 7,
      name: "callback",
      left: true,
    });
  });
});

describe("failures", () => {
  it("reports a thrown error as Unhandled with Lambda's error document", async () => {
    await createFunction("throws", {
      "index.js": "exports.handler = async () => { throw new TypeError('bad input'); };\n",
    });
    const out = await invoke("throws");
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe("Unhandled");
    const doc = out.json as { errorType: string; errorMessage: string; trace: string[] };
    expect(doc.errorType).toBe("TypeError");
    expect(doc.errorMessage).toBe("bad input");
    expect(doc.trace[0]).toBe("TypeError: bad input");
    expect(doc.trace.some((line) => line.includes("index.js"))).toBe(true);
  });

  it("reports a missing export and a missing module with the runtime's error types", async () => {
    await createFunction("no-export", { "index.js": "exports.other = () => 1;\n" });
    await createFunction("no-module", { "other.js": "exports.handler = () => 1;\n" });
    const missingExport = await invoke("no-export");
    const missingModule = await invoke("no-module");
    expect(missingExport.FunctionError).toBe("Unhandled");
    expect(missingExport.json).toMatchObject({
      errorType: "Runtime.HandlerNotFound",
      errorMessage: "index.handler is undefined or not exported",
    });
    expect(missingModule.json).toMatchObject({ errorType: "Runtime.ImportModuleError" });
    expect((missingModule.json as { errorMessage: string }).errorMessage).toContain(
      "Cannot find module 'index'",
    );
  });

  it("kills a handler at the function's timeout with Lambda's message", async () => {
    await createFunction(
      "slow",
      {
        "index.js":
          "let starts = 0;\nexports.handler = async (e) => { starts++; if (e.wait) await new Promise((r) => setTimeout(r, 10000)); return { starts }; };\n",
      },
      { Timeout: 1 },
    );
    const out = await invoke("slow", { wait: true }, { LogType: "Tail" });
    expect(out.FunctionError).toBe("Unhandled");
    const doc = out.json as { errorType: string; errorMessage: string };
    expect(doc.errorType).toBe("Sandbox.Timedout");
    expect(doc.errorMessage).toMatch(
      /^RequestId: \S+ Error: Task timed out after 1\.\d\d seconds$/,
    );
    expect(decodeLog(out)).toMatch(/Task timed out after 1\.\d\d seconds\nEND RequestId: /);
    expect(decodeLog(out)).toContain("Status: timeout");
    // the killed instance is not reused: module state starts over
    expect((await invoke("slow", { wait: false })).json).toEqual({ starts: 1 });
  });
});

describe("invocation types and logs", () => {
  it("returns 202 for an Event and runs the handler in the background", async () => {
    const dir = mkdtempSync(join(tmpdir(), "accesslab-event-"));
    chmodSync(dir, 0o777);
    await createFunction("event", {
      "index.js":
        "const fs = require('node:fs');\nexports.handler = async (e) => { fs.writeFileSync(e.file, 'ran'); };\n",
    });
    const file = join(dir, "out.txt");
    const out = await invoke("event", { file }, { InvocationType: "Event" });
    expect(out.StatusCode).toBe(202);
    expect(out.json).toBeUndefined();
    for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
    expect(readFileSync(file, "utf8")).toBe("ran");
  });

  it("returns 204 for a DryRun without running anything", async () => {
    await createFunction("dry", {
      "index.js": "exports.handler = async () => { throw new Error('ran'); };\n",
    });
    const out = await invoke("dry", {}, { InvocationType: "DryRun" });
    expect(out.StatusCode).toBe(204);
  });

  it("returns the log tail with START, the console lines, END and REPORT", async () => {
    await createFunction("logs", {
      "index.js":
        "console.log('loading');\nexports.handler = async (e, context) => { console.log('hello %s', e.who); console.error('oops'); return context.awsRequestId; };\n",
    });
    const out = await invoke("logs", { who: "lab" }, { LogType: "Tail" });
    const requestId = out.json as string;
    const log = decodeLog(out);
    expect(log).toContain(`START RequestId: ${requestId} Version: $LATEST\n`);
    expect(log).toMatch(
      new RegExp(`\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\t${requestId}\\tINFO\\thello lab\\n`),
    );
    expect(log).toContain(`\t${requestId}\tERROR\toops\n`);
    expect(log).toContain(`END RequestId: ${requestId}\n`);
    expect(log).toMatch(
      new RegExp(
        `REPORT RequestId: ${requestId}\\tDuration: [\\d.]+ ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: [\\d.]+ ms`,
      ),
    );
    expect(log.indexOf("loading")).toBeLessThan(log.indexOf("START"));
    const warm = decodeLog(await invoke("logs", { who: "again" }, { LogType: "Tail" }));
    expect(warm).not.toContain("Init Duration");
    expect(warm).not.toContain("loading");
    expect(warm).toContain("hello again");
  });
});

describe("environment and identity", () => {
  it("gives the handler Lambda's variables, its own, and the execution role's credentials", async () => {
    await createFunction(
      "env",
      {
        "index.js":
          "exports.handler = async () => { const e = process.env; return { name: e.AWS_LAMBDA_FUNCTION_NAME, version: e.AWS_LAMBDA_FUNCTION_VERSION, memory: e.AWS_LAMBDA_FUNCTION_MEMORY_SIZE, region: e.AWS_REGION, defaultRegion: e.AWS_DEFAULT_REGION, taskRoot: e.LAMBDA_TASK_ROOT, cwd: process.cwd(), execEnv: e.AWS_EXECUTION_ENV, handler: e._HANDLER, tz: e.TZ, mine: e.MY_SETTING, key: e.AWS_ACCESS_KEY_ID, secret: typeof e.AWS_SECRET_ACCESS_KEY, token: typeof e.AWS_SESSION_TOKEN, endpoint: e.AWS_ENDPOINT_URL, leaked: e.VITEST }; };\n",
      },
      {
        MemorySize: 256,
        Environment: { Variables: { MY_SETTING: "on", AWS_LAMBDA_FUNCTION_NAME: "spoof" } },
      },
    );
    const env = (await invoke("env")).json as Record<string, string | undefined>;
    expect(env).toMatchObject({
      name: "env",
      version: "$LATEST",
      memory: "256",
      region: "us-east-1",
      defaultRegion: "us-east-1",
      execEnv: "AWS_Lambda_nodejs20.x",
      handler: "index.handler",
      tz: ":UTC",
      mine: "on",
      secret: "string",
      token: "string",
      endpoint: server.running.endpoint,
    });
    expect(env.taskRoot).toBe(env.cwd);
    expect(env.key).toMatch(/^ASIA/);
    expect(env.leaked).toBeUndefined();
  });

  it("lets the SDK inside the function call STS through accesslab as the execution role", async () => {
    await createFunction(
      "whoami",
      {
        "index.js":
          "const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts');\nexports.handler = async () => { const id = await new STSClient({ maxAttempts: 1 }).send(new GetCallerIdentityCommand({})); return { arn: id.Arn, account: id.Account }; };\n",
      },
      { Timeout: 30, MemorySize: 512 },
    );
    const out = await invoke("whoami");
    expect(out.FunctionError, JSON.stringify(out.json)).toBeUndefined();
    expect(out.json).toEqual({
      arn: "arn:aws:sts::000000000000:assumed-role/fn-exec/whoami",
      account: "000000000000",
    });
  });

  const root = process.getuid?.() === 0 && process.platform === "linux";
  if (!root)
    console.log("skipping the sandbox-uid test: it needs root on Linux to switch to uid 993");
  it.skipIf(!root)(
    "runs the handler and its children as uid 993 gid 990 when accesslab is root",
    async () => {
      await createFunction("identity", {
        "index.js":
          "const { execSync } = require('node:child_process');\nexports.handler = async () => ({ uid: process.getuid(), gid: process.getgid(), groups: process.getgroups(), idU: execSync('id -u').toString().trim(), idG: execSync('id -g').toString().trim() });\n",
      });
      expect((await invoke("identity")).json).toEqual({
        uid: 993,
        gid: 990,
        groups: [990],
        idU: "993",
        idG: "990",
      });
    },
  );
});

describe("refusals", () => {
  it("answers ResourceNotFoundException for an unknown function", async () => {
    await expect(invoke("nope")).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it("fails the invoke with Lambda's error once the role no longer trusts Lambda", async () => {
    const iam = server.iam();
    const lambdaOnly = await server.iam().send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: "fn-exec",
        PolicyDocument: trustPolicy({ Service: "ec2.amazonaws.com" }),
      }),
    );
    expect(lambdaOnly.$metadata.httpStatusCode).toBe(200);
    try {
      const error = await invoke("cjs").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidParameterValueException);
      expect((error as Error).message).toBe(
        "The role defined for the function cannot be assumed by Lambda.",
      );
    } finally {
      await iam.send(
        new UpdateAssumeRolePolicyCommand({
          RoleName: "fn-exec",
          PolicyDocument: trustPolicy({ Service: "lambda.amazonaws.com" }),
        }),
      );
    }
  });
});
