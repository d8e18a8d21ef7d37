/**
 * Policy evaluation benchmark: four workloads (identity only; identity plus
 * a resource policy with conditions; boundary, three SCP levels and a
 * session policy; a wildcard-heavy 50-statement identity policy), each
 * decided over 64 pre-built requests by accesslab (compiled once), by
 * `@cloud-copilot/iam-simulate` (`runSimulation`, which validates every
 * call; its `runUnsafeSimulation` is left out because it drops session
 * policies and fails on resource policies) and by
 * `@cedar-policy/cedar-wasm` (`isAuthorized` on a pre-parsed policy set, via
 * `statefulIsAuthorized`) running a Cedar translation of the same policies.
 * Each measurement runs in its own child process. Prints a markdown table
 * of decisions per second and the ratios, plus how often each peer's
 * decisions agreed with accesslab's.
 */

import { fork } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import * as cedar from "@cedar-policy/cedar-wasm/nodejs";
import { runSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
import { authorize, compilePolicySet } from "../src/engines/policy/evaluate.js";
import type { AuthorizationRequest, NamedPolicy } from "../src/engines/policy/index.js";
import { parsePolicyValue } from "../src/engines/policy/parse.js";

const WARM_UP_MS = 300;
const MEASURE_MS = 1500;
const A = "111122223333";
const REGION = "us-east-1";

type Json = string | string[];
interface Statement {
  Effect: "Allow" | "Deny";
  Principal?: "*" | { AWS: Json };
  Action?: Json;
  NotAction?: Json;
  Resource?: Json;
  NotResource?: Json;
  Condition?: Record<string, Record<string, Json>>;
}
interface Policy {
  Version: "2012-10-17";
  Statement: Statement[];
}
type Context = Record<string, string>;

/** One workload: the policies in force and 64 requests by one caller. */
interface Workload {
  readonly name: string;
  readonly identity: Policy[];
  readonly resource?: Policy;
  readonly boundary?: Policy;
  readonly session?: Policy;
  readonly scps?: Policy[][];
  /** How the Cedar translation combines kinds: a union of grants, or one permit requiring every kind. */
  readonly cedarMode: "union" | "intersection";
  readonly requests: readonly AuthorizationRequest[];
}

const policy = (...Statement: Statement[]): Policy => ({ Version: "2012-10-17", Statement });
const list = (v: Json | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function requests(
  principal: string,
  derived: Context,
  count: number,
  make: (i: number) => { action: string; resource: string; context?: Context },
): AuthorizationRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const r = make(i);
    return {
      principal,
      action: r.action,
      resource: r.resource,
      resourceAccount: A,
      context: { ...derived, ...r.context },
    };
  });
}

const pick = <T>(values: readonly T[], i: number): T => values[i % values.length] as T;

// ---------------------------------------------------------------- workloads

const alice = `arn:aws:iam::${A}:user/alice`;
const aliceContext: Context = {
  "aws:PrincipalArn": alice,
  "aws:PrincipalAccount": A,
  "aws:PrincipalType": "User",
  "aws:username": "alice",
  "aws:PrincipalIsAWSService": "false",
};
const session = `arn:aws:sts::${A}:assumed-role/app-role/session-1`;
const role = `arn:aws:iam::${A}:role/app-role`;
const sessionContext: Context = {
  "aws:PrincipalArn": role,
  "aws:PrincipalAccount": A,
  "aws:PrincipalType": "AssumedRole",
  "aws:PrincipalIsAWSService": "false",
};
const bucket = `arn:aws:s3:::accesslab-${A}`;

const identityOnly: Workload = {
  name: "identity only (1 user, 3 statements)",
  identity: [
    policy(
      { Effect: "Allow", Action: "s3:GetObject", Resource: `${bucket}/*` },
      { Effect: "Allow", Action: "s3:PutObject", Resource: `${bucket}/uploads/*` },
      { Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" },
    ),
  ],
  cedarMode: "union",
  requests: requests(alice, aliceContext, 64, (i) => ({
    action: pick(["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetObject"], i),
    resource: `${bucket}/${pick(["reports", "uploads", "home/alice"], i >> 2)}/object-${i}.csv`,
  })),
};

const secret = (name: string) => `arn:aws:secretsmanager:${REGION}:${A}:secret:${name}`;
const identityAndResource: Workload = {
  name: "identity + resource policy, conditions",
  identity: [
    policy({
      Effect: "Allow",
      Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
      Resource: secret("db-*"),
      Condition: { StringEquals: { "aws:PrincipalTag/team": "storage" } },
    }),
  ],
  resource: policy(
    {
      Effect: "Allow",
      Principal: { AWS: role },
      Action: "secretsmanager:GetSecretValue",
      Resource: "*",
      Condition: {
        Bool: { "aws:SecureTransport": "true" },
        IpAddress: { "aws:SourceIp": "10.0.0.0/8" },
      },
    },
    {
      Effect: "Deny",
      Principal: "*",
      Action: "secretsmanager:*",
      Resource: "*",
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ),
  cedarMode: "union",
  requests: requests(session, sessionContext, 64, (i) => ({
    action: pick(["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], i),
    resource: secret(pick(["db-password-AbCdEf", "api-key-Gh1jK2"], i >> 1)),
    context: {
      "aws:PrincipalTag/team": pick(["storage", "payments"], i >> 2),
      "aws:SecureTransport": pick(["true", "true", "false"], i >> 3),
      "aws:SourceIp": pick(["10.1.2.3", "203.0.113.7"], i >> 4),
    },
  })),
};

const fs = (id: string) => `arn:aws:elasticfilesystem:${REGION}:${A}:file-system/${id}`;
const full = policy({ Effect: "Allow", Action: "*", Resource: "*" });
const guarded: Workload = {
  name: "boundary + 3 SCP levels + session policy",
  identity: [policy({ Effect: "Allow", Action: "elasticfilesystem:Client*", Resource: fs("*") })],
  boundary: policy({
    Effect: "Allow",
    Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
    Resource: "*",
  }),
  session: policy({ Effect: "Allow", Action: "elasticfilesystem:*", Resource: fs("fs-0123*") }),
  scps: [
    [full],
    [
      full,
      policy({
        Effect: "Deny",
        Action: "*",
        Resource: "*",
        Condition: { StringNotEquals: { "aws:RequestedRegion": ["us-east-1", "eu-west-1"] } },
      }),
    ],
    [policy({ Effect: "Allow", Action: ["elasticfilesystem:*", "s3:*"], Resource: "*" })],
  ],
  cedarMode: "intersection",
  requests: requests(session, sessionContext, 64, (i) => ({
    action: pick(
      [
        "elasticfilesystem:ClientMount",
        "elasticfilesystem:ClientWrite",
        "elasticfilesystem:ClientRootAccess",
      ],
      i,
    ),
    resource: fs(pick(["fs-0123456789abcdef0", "fs-0fedcba9876543210"], i >> 1)),
    context: { "aws:RequestedRegion": pick(["us-east-1", "us-east-1", "ap-south-1"], i >> 2) },
  })),
};

const verbs = ["Get", "Put", "List", "Delete", "Describe"];
const wildcardHeavy: Workload = {
  name: "wildcard-heavy identity policy (50 statements)",
  identity: [
    policy(
      ...Array.from(
        { length: 50 },
        (_, i): Statement => ({
          Effect: i % 10 === 9 ? "Deny" : "Allow",
          Action: [`s3:${pick(verbs, i)}*`, `s3:*${pick(["Object", "Bucket", "Tagging"], i)}*`],
          Resource: [
            `arn:aws:s3:::bucket-${i % 8}/*team-${i % 5}*`,
            `arn:aws:s3:::bucket-${i % 8}*/archive-${i}/*`,
          ],
        }),
      ),
    ),
  ],
  cedarMode: "union",
  requests: requests(alice, aliceContext, 64, (i) => ({
    action: pick(["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectTagging"], i),
    resource: `arn:aws:s3:::bucket-${i % 9}/projects/team-${(i >> 2) % 6}/file-${i}.bin`,
  })),
};

const WORKLOADS: readonly Workload[] = [identityOnly, identityAndResource, guarded, wildcardHeavy];

// ---------------------------------------------------------------- accesslab

function named(name: string, p: Policy): NamedPolicy {
  const parsed = parsePolicyValue(p);
  if (!parsed.policy) throw new Error(`bench policy \`${name}\` does not parse`);
  return { name, document: parsed.policy };
}

function accesslabDecider(w: Workload): (r: AuthorizationRequest) => string {
  const set = compilePolicySet({
    identityPolicies: w.identity.map((p, i) => named(`identity-${i}`, p)),
    ...(w.resource ? { resourcePolicy: named("resource", w.resource) } : {}),
    ...(w.boundary ? { permissionsBoundary: named("boundary", w.boundary) } : {}),
    ...(w.session ? { sessionPolicy: named("session", w.session) } : {}),
    ...(w.scps
      ? {
          serviceControlPolicies: w.scps.map((l, li) =>
            l.map((p, i) => named(`scp-${li}-${i}`, p)),
          ),
        }
      : {}),
  });
  return (r) => authorize(set, r).decision;
}

// ---------------------------------------------------------------- iam-simulate

function simulation(w: Workload, r: AuthorizationRequest): Simulation {
  return {
    request: {
      principal: r.principal,
      action: r.action,
      resource: { resource: r.resource, accountId: r.resourceAccount ?? A },
      contextVariables: { ...(r.context as Record<string, string | string[]>) },
    },
    identityPolicies: w.identity.map((policy, i) => ({ name: `identity-${i}`, policy })),
    serviceControlPolicies: (w.scps ?? []).map((level, l) => ({
      orgIdentifier: `scp-${l}`,
      policies: level.map((policy, i) => ({ name: `scp-${l}-${i}`, policy })),
    })),
    resourceControlPolicies: [],
    ...(w.resource ? { resourcePolicy: w.resource } : {}),
    ...(w.boundary
      ? { permissionBoundaryPolicies: [{ name: "boundary", policy: w.boundary }] }
      : {}),
    ...(w.session ? { sessionPolicy: w.session } : {}),
  };
}

async function simulateDecision(s: Simulation): Promise<string> {
  const result = await runSimulation(s, {});
  if (result.resultType === "error")
    throw new Error(`iam-simulate rejected a bench request: ${result.errors.message}`);
  return result.overallResult;
}

// ---------------------------------------------------------------- cedar

const BOOL_KEYS = new Set([
  "aws:securetransport",
  "aws:multifactorauthpresent",
  "aws:principalisawsservice",
]);
const quote = (s: string) => JSON.stringify(s);
const anyOf = (exprs: string[]) => (exprs.length === 0 ? "false" : `(${exprs.join(" || ")})`);
const field = (key: string) => `context[${quote(key)}]`;

/** A Cedar `like` over a context field for an IAM pattern, or undefined when it uses `?`. */
function like(key: string, pattern: string): string | undefined {
  if (pattern === "*") return "true";
  if (pattern.includes("?")) return undefined;
  return `${field(key)} like ${quote(pattern)}`;
}

function element(key: string, values: Json | undefined, negated: boolean): string | undefined {
  const parts = list(values).map((v) => like(key, v));
  if (parts.some((p) => p === undefined)) return undefined;
  const expr = anyOf(parts as string[]);
  return negated ? `!${expr}` : expr;
}

function condition(op: string, key: string, values: string[]): string | undefined {
  const has = `context has ${quote(key)}`;
  const v = field(key);
  switch (op) {
    case "StringEquals":
      return `(${has} && ${anyOf(values.map((x) => `${v} == ${quote(x)}`))})`;
    case "StringNotEquals":
      return `(!(${has}) || !${anyOf(values.map((x) => `${v} == ${quote(x)}`))})`;
    case "StringLike":
      return `(${has} && ${anyOf(values.map((x) => `${v} like ${quote(x)}`))})`;
    case "Bool":
      return `(${has} && ${anyOf(values.map((x) => `${v} == ${x === "true"}`))})`;
    case "IpAddress":
      return `(${has} && ${anyOf(values.map((x) => `ip(${v}).isInRange(ip(${quote(x)}))`))})`;
    default:
      return undefined;
  }
}

/** The Cedar condition equivalent to one IAM statement applying, or undefined when not expressible. */
function statementExpr(st: Statement): string | undefined {
  const parts: (string | undefined)[] = [
    st.Action !== undefined
      ? element("iam:action", st.Action, false)
      : element("iam:action", st.NotAction, true),
    st.Resource !== undefined
      ? element("iam:resource", st.Resource, false)
      : element("iam:resource", st.NotResource, true),
  ];
  if (st.Principal !== undefined && st.Principal !== "*") {
    parts.push(
      anyOf(list(st.Principal.AWS).map((p) => `${field("aws:PrincipalArn")} == ${quote(p)}`)),
    );
  }
  for (const [op, keys] of Object.entries(st.Condition ?? {})) {
    for (const [key, values] of Object.entries(keys)) parts.push(condition(op, key, list(values)));
  }
  if (parts.some((p) => p === undefined)) return undefined;
  return parts.join(" && ");
}

/** The Cedar policy set of a workload, or undefined when some statement has no translation. */
export function cedarPolicies(w: Workload): string | undefined {
  const groups: Policy[][] = [w.identity];
  if (w.resource) groups.push([w.resource]);
  if (w.boundary) groups.push([w.boundary]);
  if (w.session) groups.push([w.session]);
  for (const level of w.scps ?? []) groups.push(level);
  const allows: string[][] = [];
  const out: string[] = [];
  for (const group of groups) {
    const exprs: string[] = [];
    for (const st of group.flatMap((p) => p.Statement)) {
      const expr = statementExpr(st);
      if (expr === undefined) return undefined;
      if (st.Effect === "Deny") out.push(`forbid(principal, action, resource) when { ${expr} };`);
      else exprs.push(expr);
    }
    allows.push(exprs);
  }
  if (w.cedarMode === "union") {
    for (const expr of allows.flat())
      out.push(`permit(principal, action, resource) when { ${expr} };`);
  } else {
    out.push(`permit(principal, action, resource) when { ${allows.map(anyOf).join(" && ")} };`);
  }
  return out.join("\n");
}

function cedarCall(id: string, r: AuthorizationRequest): cedar.StatefulAuthorizationCall {
  const context: cedar.Context = { "iam:action": r.action, "iam:resource": r.resource };
  for (const [key, value] of Object.entries(r.context ?? {})) {
    context[key] = BOOL_KEYS.has(key.toLowerCase()) ? value === "true" : (value as string);
  }
  return {
    principal: { type: "Principal", id: r.principal },
    action: { type: "Action", id: r.action },
    resource: { type: "Resource", id: r.resource },
    context,
    preparsedPolicySetId: id,
    entities: [],
  };
}

function cedarDecision(call: cedar.StatefulAuthorizationCall): string {
  const answer = cedar.statefulIsAuthorized(call);
  if (answer.type !== "success") throw new Error(`cedar failed: ${JSON.stringify(answer.errors)}`);
  return answer.response.decision;
}

// ---------------------------------------------------------------- measuring

function measureSync(run: (i: number) => unknown): number {
  let i = 0;
  const warm = performance.now();
  while (performance.now() - warm < WARM_UP_MS) run(i++);
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < MEASURE_MS) {
    for (let k = 0; k < 64; k++) run(count++);
    now = performance.now();
  }
  return (count / (now - start)) * 1000;
}

async function measureAsync(run: (i: number) => Promise<unknown>): Promise<number> {
  let i = 0;
  const warm = performance.now();
  while (performance.now() - warm < WARM_UP_MS) await run(i++);
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < MEASURE_MS) {
    for (let k = 0; k < 16; k++) await run(count++);
    now = performance.now();
  }
  return (count / (now - start)) * 1000;
}

const rate = (n: number | undefined) =>
  n === undefined
    ? "n/a"
    : n >= 100_000
      ? `${Math.round(n / 1000)}k`
      : `${Math.round(n).toLocaleString("en")}`;
const ratio = (a: number, b: number | undefined) =>
  b === undefined ? "n/a" : `${(a / b).toFixed(1)}x`;

/** The engines the benchmark measures. */
type Engine = "accesslab" | "iam-simulate" | "cedar";

/** Measures one engine on one workload, in this thread; undefined when the engine cannot run it. */
async function measureHere(index: number, engine: Engine): Promise<number | undefined> {
  const w = WORKLOADS[index] as Workload;
  const n = w.requests.length;
  if (engine === "accesslab") {
    const decide = accesslabDecider(w);
    return measureSync((i) => decide(w.requests[i % n] as AuthorizationRequest));
  }
  if (engine === "iam-simulate") {
    const sims = w.requests.map((r) => simulation(w, r));
    return measureAsync((i) => runSimulation(sims[i % n] as Simulation, {}));
  }
  const calls = cedarCalls(w, index);
  return (
    calls && measureSync((i) => cedarDecision(calls[i % n] as cedar.StatefulAuthorizationCall))
  );
}

/** The pre-parsed Cedar calls of a workload, or undefined when it has no translation. */
function cedarCalls(w: Workload, index: number): cedar.StatefulAuthorizationCall[] | undefined {
  const text = cedarPolicies(w);
  if (text === undefined) return undefined;
  const id = `workload-${index}`;
  const parsed = cedar.preparsePolicySet(id, { staticPolicies: text });
  if (parsed.type !== "success") {
    throw new Error(`cedar translation does not parse: ${JSON.stringify(parsed.errors)}`);
  }
  return w.requests.map((r) => cedarCall(id, r));
}

/**
 * Measures in a fresh child process, so that each engine gets its own JIT
 * state (one engine's deoptimizations cannot disturb another's; Node 20 was
 * seen to abort in V8's deoptimizer when all ran in one process).
 */
function measureInChild(index: number, engine: Engine): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, String(index), engine], {
      execArgv: ["--import", "tsx"],
    });
    let result: number | undefined;
    child.once("message", (rate) => {
      result = typeof rate === "number" ? rate : undefined;
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) resolve(result);
      else reject(new Error(`bench child for \`${engine}\` exited with ${code}`));
    });
  });
}

const CHILD_FLAG = "--policy-bench-child";
if (process.argv[2] === CHILD_FLAG && process.send) {
  const rate = await measureHere(Number(process.argv[3]), process.argv[4] as Engine);
  process.send(rate ?? null, () => process.disconnect());
}

/**
 * Runs the policy benchmark and prints its table.
 *
 * @example
 * await runPolicyBench();
 */
export async function runPolicyBench(): Promise<void> {
  const rows: string[] = [];
  const checks: string[] = [];
  for (const [index, w] of WORKLOADS.entries()) {
    const n = w.requests.length;
    const ours = w.requests.map(accesslabDecider(w));
    const theirs = await Promise.all(w.requests.map((r) => simulateDecision(simulation(w, r))));
    const calls = cedarCalls(w, index);
    const cedarAgree = calls
      ? `${calls.map(cedarDecision).filter((d, i) => (d === "allow") === (ours[i] === "Allowed")).length}/${n}`
      : "n/a";
    const ourRate = (await measureInChild(index, "accesslab")) ?? 0;
    const simRate = await measureInChild(index, "iam-simulate");
    const cedarRate = await measureInChild(index, "cedar");
    const allowed = ours.filter((d) => d === "Allowed").length;
    checks.push(
      `- ${w.name}: ${allowed}/${n} allowed; iam-simulate agrees on ${theirs.filter((d, i) => d === ours[i]).length}/${n}, cedar (allow vs not) on ${cedarAgree}`,
    );
    rows.push(
      `| ${w.name} | ${rate(ourRate)} | ${rate(simRate)} | ${ratio(ourRate, simRate)} | ${rate(cedarRate)} | ${ratio(ourRate, cedarRate)} |`,
    );
  }
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown cpu";
  console.log("## policy evaluation, decisions per second\n");
  console.log(
    "| workload | accesslab | iam-simulate runSimulation | accesslab / it | cedar-wasm isAuthorized | accesslab / it |",
  );
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const row of rows) console.log(row);
  console.log(
    `\nmachine: ${os.type()} ${os.release()} ${os.arch()}, ${cpu} (${os.cpus().length} cpus), node ${process.version}`,
  );
  console.log(
    "\ncedar runs a hand-written translation (actions and resources matched with `like` over context strings; the boundary/SCP/session workload as one permit requiring every kind); `runSimulation` validates each request before deciding it.\n",
  );
  console.log("decision checks on the 64 requests of each workload:");
  for (const line of checks) console.log(line);
}
