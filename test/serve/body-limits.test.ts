/**
 * Request body caps per operation: Lambda's CreateFunction takes a package
 * far beyond 1 MiB (AWS accepts a 50 MB zip, 69,905,067 bytes of JSON),
 * while every other operation still refuses a body over 1 MiB with 413,
 * in its own wire format.
 */
import { randomBytes } from "node:crypto";
import { CreateRoleCommand, IAMServiceException, TagRoleCommand } from "@aws-sdk/client-iam";
import {
  CreateFunctionCommand,
  GetFunctionConfigurationCommand,
  LambdaClient,
} from "@aws-sdk/client-lambda";
import {
  CreateSecretCommand,
  SecretsManagerClient,
  SecretsManagerServiceException,
} from "@aws-sdk/client-secrets-manager";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVER_MAX_BODY_BYTES } from "../../src/server/handlers/largest-body.js";
import { CREATE_FUNCTION_MAX_REQUEST_BYTES } from "../../src/services/lambda/request-limits.js";
import { zipArchive } from "../awscli/zip-archive.js";
import { startTestServer, type TestServer, trustPolicy } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function failure<E>(type: abstract new (...args: never[]) => E, promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as E & { name: string; $metadata: { httpStatusCode?: number } };
}

describe("serve: request body caps", () => {
  it("reads bodies up to Lambda's CreateFunction cap, AWS's 69,905,067 bytes", () => {
    expect(CREATE_FUNCTION_MAX_REQUEST_BYTES).toBe(69_905_067);
    expect(SERVER_MAX_BODY_BYTES).toBe(CREATE_FUNCTION_MAX_REQUEST_BYTES);
  });

  it("accepts a CreateFunction with a 5 MiB zip", async () => {
    const role = await server.iam().send(
      new CreateRoleCommand({
        RoleName: "big-fn",
        AssumeRolePolicyDocument: trustPolicy({ Service: "lambda.amazonaws.com" }),
      }),
    );
    const zip = zipArchive([{ name: "index.js", content: randomBytes(5 * 1024 * 1024) }]);
    const lambda = new LambdaClient(server.config());
    const created = await lambda.send(
      new CreateFunctionCommand({
        FunctionName: "big",
        Role: role.Role?.Arn,
        Runtime: "nodejs20.x",
        Handler: "index.handler",
        Code: { ZipFile: zip },
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created.CodeSize).toBe(zip.length);
    const got = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: "big" }));
    expect(got.CodeSha256).toBe(created.CodeSha256);
  });

  it("refuses a 2 MiB Secrets Manager body with 413 RequestEntityTooLargeException", async () => {
    const sm = new SecretsManagerClient(server.config());
    const error = await failure(
      SecretsManagerServiceException,
      sm.send(new CreateSecretCommand({ Name: "huge", SecretString: "x".repeat(2 * 1024 * 1024) })),
    );
    expect(error.name).toBe("RequestEntityTooLargeException");
    expect(error.$metadata.httpStatusCode).toBe(413);
  });

  it("refuses a 2 MiB IAM form body with 413 RequestEntityTooLarge", async () => {
    const error = await failure(
      IAMServiceException,
      server.iam().send(
        new TagRoleCommand({
          RoleName: "big-fn",
          Tags: [{ Key: "k", Value: "v".repeat(2 * 1024 * 1024) }],
        }),
      ),
    );
    expect(error.name).toBe("RequestEntityTooLarge");
    expect(error.$metadata.httpStatusCode).toBe(413);
  });
});
