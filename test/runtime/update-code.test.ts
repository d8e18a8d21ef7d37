/**
 * UpdateFunctionCode through the real `@aws-sdk/client-lambda`: the next
 * Invoke runs the new package (the warm instance of the old one is not
 * reused), a stale RevisionId is PreconditionFailedException (412), and
 * an upload that is not a zip is refused as CreateFunction refuses it.
 */
import {
  CreateFunctionCommand,
  InvalidParameterValueException,
  InvokeCommand,
  type LambdaClient,
  PreconditionFailedException,
  UpdateFunctionCodeCommand,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zipPackage } from "../../src/runtime/lambda/zip-package.test-support.js";
import type { World } from "../../src/services/lambda/seed.test-support.js";
import type { TestServer } from "../serve/harness.js";
import { startLambdaWorld } from "../serve/lambda-world.js";

let server: TestServer;
let world: World;
let lambda: LambdaClient;

beforeAll(async () => {
  ({ server, world, lambda } = await startLambdaWorld());
});
afterAll(() => server.close());

const answering = (value: number) =>
  zipPackage({ "index.js": `exports.handler = async () => ${value};` });

async function invokeValue(name: string): Promise<unknown> {
  const out = await lambda.send(new InvokeCommand({ FunctionName: name }));
  expect(out.FunctionError).toBeUndefined();
  return JSON.parse(Buffer.from(out.Payload ?? new Uint8Array()).toString());
}

describe("UpdateFunctionCode", () => {
  it("runs the new package on the next invoke, and refuses a stale revision or a non-zip", async () => {
    const created = await lambda.send(
      new CreateFunctionCommand({
        FunctionName: "versioned",
        Role: world.roleArn,
        Runtime: "nodejs22.x",
        Handler: "index.handler",
        Code: { ZipFile: answering(1) },
      }),
    );
    expect(await invokeValue("versioned")).toBe(1);
    const updated = await lambda.send(
      new UpdateFunctionCodeCommand({ FunctionName: "versioned", ZipFile: answering(2) }),
    );
    expect(updated.CodeSha256).not.toBe(created.CodeSha256);
    expect(updated.RevisionId).not.toBe(created.RevisionId);
    expect(await invokeValue("versioned")).toBe(2);

    const stale = await lambda
      .send(
        new UpdateFunctionCodeCommand({
          FunctionName: "versioned",
          ZipFile: answering(3),
          RevisionId: created.RevisionId,
        }),
      )
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(PreconditionFailedException);
    expect((stale as PreconditionFailedException).$metadata.httpStatusCode).toBe(412);

    const notZip = await lambda
      .send(
        new UpdateFunctionCodeCommand({
          FunctionName: "versioned",
          ZipFile: new TextEncoder().encode("not a zip"),
        }),
      )
      .catch((e: unknown) => e);
    expect(notZip).toBeInstanceOf(InvalidParameterValueException);
    expect(await invokeValue("versioned")).toBe(2);
  });
});
