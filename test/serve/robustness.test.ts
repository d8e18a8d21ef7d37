/**
 * The server under bad input: raw HTTP requests with malformed or oversized
 * bodies, unknown operations and no signature get AWS-style errors in the
 * query XML shape, and the server still answers a real SDK call afterwards.
 * With enforcement off an unsigned request acts as the bootstrap root.
 */
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ maxBodyBytes: 4096 });
});
afterAll(() => server.close());

const FORM = { "content-type": "application/x-www-form-urlencoded; charset=utf-8" };

async function post(body: string, headers: Record<string, string> = FORM) {
  const res = await fetch(`${server.running.endpoint}/`, { method: "POST", headers, body });
  return {
    status: res.status,
    text: await res.text(),
    requestId: res.headers.get("x-amzn-requestid"),
  };
}

async function stillAnswers(): Promise<void> {
  const identity = await server.sts().send(new GetCallerIdentityCommand({}));
  expect(identity.Account).toBe("000000000000");
}

describe("serve: malformed requests", () => {
  it("refuses an unsigned call with MissingAuthenticationToken", async () => {
    const answer = await post("Action=GetCallerIdentity&Version=2011-06-15");
    expect(answer.status).toBe(403);
    expect(answer.text).toContain("<Code>MissingAuthenticationToken</Code>");
    expect(answer.text).toContain('xmlns="https://sts.amazonaws.com/doc/2011-06-15/"');
    expect(answer.requestId).toMatch(/^[0-9a-f-]{36}$/);
    await stillAnswers();
  });

  it("answers bodies that identify nothing, bad escapes and binary garbage with 400", async () => {
    for (const body of ["", "%%%", "Action=&Version=", "\u0000\u00ff\u{1F600}{not json"]) {
      const answer = await post(body);
      expect(answer.status).toBe(400);
      expect(answer.text).toContain("<ErrorResponse");
    }
    const json = await post("{", { "content-type": "application/x-amz-json-1.1" });
    expect(json.status).toBe(400);
    await stillAnswers();
  });

  it("refuses an oversized body and keeps serving", async () => {
    const answer = await post(`Action=GetCallerIdentity&Version=2011-06-15&X=${"a".repeat(65536)}`);
    expect(answer.status).toBe(413);
    expect(answer.text).toContain("<Code>RequestEntityTooLarge</Code>");
    await stillAnswers();
  });

  it("answers an unknown IAM operation with InvalidAction", async () => {
    const res = await fetch(`${server.running.endpoint}/?Action=FlyToTheMoon&Version=2010-05-08`);
    expect(res.status).toBe(403); // unsigned: authentication comes before dispatch
    expect(server.logged).toEqual([]);
  });
});

describe("serve: --enforce-iam off", () => {
  let open: TestServer;
  beforeAll(async () => {
    open = await startTestServer({ enforceIam: false });
  });
  afterAll(() => open.close());

  it("accepts unsigned and wrongly signed calls as the bootstrap root", async () => {
    const res = await fetch(`${open.running.endpoint}/`, {
      method: "POST",
      headers: FORM,
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<Arn>arn:aws:iam::000000000000:root</Arn>");
    const wrong = open.sts({ accessKeyId: "test", secretAccessKey: "wrong" });
    const identity = await wrong.send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe("arn:aws:iam::000000000000:root");

    const unknown = await fetch(`${open.running.endpoint}/?Action=FlyToTheMoon&Version=2010-05-08`);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain(
      "<Code>InvalidAction</Code><Message>Could not find operation FlyToTheMoon for version 2010-05-08</Message>",
    );
  });
});
