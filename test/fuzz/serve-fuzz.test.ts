/**
 * Ten thousand random requests against `accesslab serve` (8,000 with
 * enforcement off so they reach every service's input checks as the root,
 * 2,000 correctly signed with enforcement on so they also pass through
 * authorization), then the server must still answer and the state made
 * before the storm must be unchanged. Every answer must be a well-formed
 * AWS-style response; a 500 or an internal-failure log line is a bug, and
 * the failing request is printed so it can be replayed.
 */
import { Agent, request as httpRequest } from "node:http";
import { CreateRoleCommand, GetRoleCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { SignatureV4 } from "@smithy/signature-v4";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Sha256 } from "../../src/protocol/sha256.js";
import { startTestServer, type TestServer, trustPolicy } from "../serve/harness.js";
import { anyRequest, type FuzzRequest } from "./request-arbitraries.js";

const SEED = 20261123;
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

function send(endpoint: string, req: FuzzRequest): Promise<Answer> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        headers: { ...req.headers, "content-length": Buffer.byteLength(req.body) },
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers["content-type"] ?? ""),
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    outgoing.on("error", reject);
    outgoing.on("timeout", () => outgoing.destroy(new Error("no answer within 10 s")));
    outgoing.end(req.body);
  });
}

/** Header values HTTP can carry (the generator makes some that it cannot). */
function sendable(req: FuzzRequest): FuzzRequest {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = v.replace(/[^\x20-\x7e]/g, "?");
  return { ...req, headers };
}

const SIGNING_NAMES = ["sts", "iam", "ec2", "secretsmanager", "elasticfilesystem", "lambda"];

async function signed(endpoint: string, req: FuzzRequest, service: string): Promise<FuzzRequest> {
  const url = new URL(endpoint);
  const [path, rawQuery = ""] = req.path.split("?");
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(rawQuery)) query[k] = v;
  const signer = new SignatureV4({
    service,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    sha256: Sha256,
  });
  const result = await signer.sign({
    method: req.method,
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path: path ?? "/",
    query,
    headers: { ...req.headers, host: url.host },
    body: req.body,
  });
  return { ...req, headers: result.headers as Record<string, string> };
}

function checkAnswer(req: FuzzRequest, answer: Answer): void {
  const context = `request ${JSON.stringify(req).slice(0, 600)} got ${answer.status} ${answer.body.slice(0, 300)}`;
  expect(answer.status, context).toBeGreaterThanOrEqual(200);
  expect(answer.status, context).toBeLessThan(600);
  expect(answer.status, context).not.toBe(500);
  if (answer.contentType.includes("json") && answer.body !== "") {
    expect(() => JSON.parse(answer.body), context).not.toThrow();
  }
  if (answer.contentType.includes("xml")) expect(answer.body, context).toMatch(/^<\?xml/);
}

async function storm(
  server: TestServer,
  requests: readonly FuzzRequest[],
  prepare: (req: FuzzRequest, i: number) => Promise<FuzzRequest>,
): Promise<number> {
  let next = 0;
  let answered = 0;
  const worker = async () => {
    while (next < requests.length) {
      const i = next++;
      const req = await prepare(sendable(requests[i] as FuzzRequest), i);
      checkAnswer(req, await send(server.running.endpoint, req));
      answered++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return answered;
}

async function plantSentinel(server: TestServer): Promise<string> {
  const trust = trustPolicy({ Service: "lambda.amazonaws.com" });
  await server
    .iam()
    .send(new CreateRoleCommand({ RoleName: "Sentinel-Role_9", AssumeRolePolicyDocument: trust }));
  return trust;
}

async function expectIntact(server: TestServer, trust: string): Promise<void> {
  const identity = await server.sts().send(new GetCallerIdentityCommand({}));
  expect(identity.Account).toBe("000000000000");
  const role = await server.iam().send(new GetRoleCommand({ RoleName: "Sentinel-Role_9" }));
  expect(JSON.parse(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? ""))).toEqual(
    JSON.parse(trust),
  );
  expect(server.logged).toEqual([]);
}

describe("serve: fuzzing with 10,000 random requests", () => {
  let open: TestServer;
  let enforced: TestServer;
  beforeAll(async () => {
    open = await startTestServer({ enforceIam: false });
    enforced = await startTestServer();
  });
  afterAll(async () => {
    await open.close();
    await enforced.close();
    agent.destroy();
  });

  it("answers 8,000 unsigned requests with enforcement off and keeps its state", async () => {
    const trust = await plantSentinel(open);
    const requests = fc.sample(anyRequest, { seed: SEED, numRuns: 8_000 });
    expect(await storm(open, requests, async (req) => req)).toBe(8_000);
    await expectIntact(open, trust);
  }, 300_000);

  it("answers 2,000 signed requests with enforcement on and keeps its state", async () => {
    const trust = await plantSentinel(enforced);
    const requests = fc.sample(anyRequest, { seed: SEED + 1, numRuns: 2_000 });
    const endpoint = enforced.running.endpoint;
    const answered = await storm(enforced, requests, (req, i) =>
      signed(endpoint, req, SIGNING_NAMES[i % SIGNING_NAMES.length] as string),
    );
    expect(answered).toBe(2_000);
    await expectIntact(enforced, trust);
  }, 300_000);
});
